import Application
import XCTest

/// The outline Chromium writes, read back: titles literal or UTF-16, pages through a nested
/// page tree, in document order; the contents' headings matched in order.
final class PDFOutlineTests: XCTestCase {
    static let pdf = """
        %PDF-1.4
        1 0 obj
        <</Type /Catalog
        /Pages 2 0 R
        /Outlines 9 0 R>>
        endobj
        2 0 obj
        <</Type /Pages
        /Kids [3 0 R 4 0 R]>>
        endobj
        3 0 obj
        <</Type /Page>>
        endobj
        4 0 obj
        <</Type /Pages
        /Kids [5 0 R 6 0 R]>>
        endobj
        5 0 obj
        <</Type /Page>>
        endobj
        6 0 obj
        <</Type /Page>>
        endobj
        9 0 obj
        <</Type /Outlines
        /First 10 0 R>>
        endobj
        12 0 obj
        <</Title <FEFF0049006E007A00690063006800740065006E0020002800E900E9006E0029>
        /Dest [6 0 R /XYZ 34 700 0]>>
        endobj
        10 0 obj
        <</Title (Verslag \\(concept\\))
        /Dest [3 0 R /XYZ 34 750 0]
        /First 11 0 R
        /Next 12 0 R>>
        endobj
        11 0 obj
        <</Title (Colofon)
        /Dest [5 0 R /XYZ 34 700 0]>>
        endobj
        trailer
        <</Size 13
        /Root 1 0 R>>
        %%EOF
        """

    func testTheOutlineGivesEachHeadingItsPage() {
        let items = PDFOutline.items(Array(Self.pdf.utf8))
        XCTAssertEqual(items, [
            .init(title: "Verslag (concept)", page: 1), .init(title: "Colofon", page: 2), .init(title: "Inzichten (één)", page: 3),
        ])
        XCTAssertEqual(PDFOutline.pages(of: ["Colofon", "Inzichten  (één)", "Bijlage"], in: items), [2, 3, 0])
        XCTAssertEqual(PDFOutline.items(Array("%PDF-1.4 nothing here".utf8)), [], "a PDF it cannot follow has no outline")
    }
}
