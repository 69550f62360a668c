// swift-tools-version:6.0
import PackageDescription

// One-way layers: Core ← Store ← TUI ← Terminal ← perspectief (executable).
// Only Terminal (and its system-library shim CNcurses) touches ncurses.
let package = Package(
    name: "Perspectief",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "perspectief", targets: ["perspectief"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // SHA-256 for the checksum of session packs.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // CSV for `perspectief import` (keeps each row's real cell count, unlike SwiftCSV).
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // Core is pure Swift without Foundation; `rounded()` needs libm on Linux.
        .target(name: "Core", linkerSettings: [.linkedLibrary("m")]),
        .target(name: "Store", dependencies: ["Core", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "TUI", dependencies: ["Core", "Store"]),
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .target(name: "Terminal", dependencies: ["TUI", "CNcurses"]),
        .executableTarget(
            name: "perspectief",
            dependencies: [
                "Core", "Store", "TUI", "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .executableTarget(name: "perspectief-bench", dependencies: ["Core", "Store", "TUI"]),
        // A writer process for the store's crash and concurrency tests (kill -9 needs a process).
        .executableTarget(name: "perspectief-stress", dependencies: ["Core", "Store"]),
        .testTarget(name: "CoreTests", dependencies: ["Core"]),
        .testTarget(name: "StoreTests", dependencies: ["Core", "Store"]),
        .testTarget(name: "TUITests", dependencies: ["Core", "TUI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Core", "Store"]),
    ],
    swiftLanguageModes: [.v6]
)
