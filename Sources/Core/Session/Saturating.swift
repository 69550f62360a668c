/// Arithmetic that pins at the type's bounds instead of trapping. The fold sums what events
/// say (elapsed time, extensions, votes); the numbers are range-checked when read, but a long
/// enough hostile history could still sum past Int64, and a trap would take down every command
/// that reads the store.
extension FixedWidthInteger {
    /// `self + other`, pinned at the type's bounds instead of trapping.
    @inlinable public func saturatingAdd(_ other: Self) -> Self {
        let (r, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : r
    }
    @inlinable public func saturatingSubtract(_ other: Self) -> Self {
        let (r, overflow) = subtractingReportingOverflow(other)
        return overflow ? (other < 0 ? .max : .min) : r
    }
    @inlinable public func saturatingMultiply(_ other: Self) -> Self {
        let (r, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? ((self < 0) != (other < 0) ? .min : .max) : r
    }
}
