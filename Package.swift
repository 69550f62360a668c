// swift-tools-version:6.0
import PackageDescription

// One-way layers: Core ← Store ← Application ← TUI / Room ← Runtime ← Terminal ← perspectief (executable).
// Linux only (Glibc, ncurses, pty and prctl calls): no other platform is declared.
// Application holds the use cases every front end shares (what a participant sees, join, create,
// export); only Terminal (and its system-library shim CNcurses) touches ncurses.
let package = Package(
    name: "Perspectief",
    products: [
        .executable(name: "perspectief", targets: ["perspectief"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // SHA-256 for the checksum of session packs; the room's host key.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // CSV for `perspectief import` (keeps each row's real cell count, unlike SwiftCSV).
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        // The event database where many rooms meet (issue 25): PostgreSQL, no ORM.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // Imported by the web room directly (Hummingbird brings them too; a target names what it imports).
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Core is pure Swift without Foundation; `rounded()` needs libm on Linux.
        // Snowball's Dutch and English stemmers (a C library) for the grouping proposals.
        .target(name: "Core", dependencies: ["CStemmer"], linkerSettings: [.linkedLibrary("m")]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .target(name: "Store", dependencies: ["Core", .product(name: "Crypto", package: "swift-crypto")]),
        // The use cases, written once for every front end.
        .target(name: "Application", dependencies: ["Core", "Store"]),
        .target(name: "TUI", dependencies: ["Core", "Store", "Application"]),
        // pty, spawn and prctl calls Swift cannot make directly (variadic or GNU-only).
        .target(name: "CRoom"),
        // The room servers (SSH, web): know Core and Store, never TUI or ncurses.
        .target(
            name: "Room",
            dependencies: [
                "Core", "Store", "Application", "CRoom",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                // The web page for phones: Hummingbird, and the QR code of its address from
                // Debian's libqrencode.
                "CQRencode",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.embedInCode("Web/page.html")]
        ),
        // Streams sessions to PostgreSQL and reads them back: knows Core and Store, never TUI.
        .target(
            name: "Sync",
            dependencies: [
                "Core", "Store",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The loop every screen runs on: keys and store news in, effects carried out, frames out.
        .target(name: "Runtime", dependencies: ["Core", "Store", "Application", "TUI", "Room", "CRoom"]),
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .target(name: "Terminal", dependencies: ["Core", "TUI", "CNcurses"]),
        .systemLibrary(name: "CQRencode", providers: [.apt(["libqrencode-dev"])]),
        .executableTarget(
            name: "perspectief",
            dependencies: [
                "Core", "Store", "Application", "TUI", "Terminal", "Room", "Runtime", "Sync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .executableTarget(name: "perspectief-bench", dependencies: ["Core", "Store", "TUI", "Room", "Sync"]),
        // A writer process for the store's crash and concurrency tests (kill -9 needs a process).
        .executableTarget(name: "perspectief-stress", dependencies: ["Core", "Store"]),
        // What tests need from the machine: skipped on a laptop, failed under CI=true.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CoreTests", dependencies: ["Core"]),
        .testTarget(name: "StoreTests", dependencies: ["Core", "Store", "TestSupport"]),
        .testTarget(name: "ApplicationTests", dependencies: ["Core", "Store", "Application", "TUI", "Runtime"]),
        .testTarget(name: "TUITests", dependencies: ["Core", "Store", "TUI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Core", "Store", "Application", "TUI", "Room", "TestSupport"]),
        .testTarget(
            name: "RoomTests",
            dependencies: ["Core", "Store", "Application", "Room", "TUI", "TestSupport", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "SyncTests", dependencies: ["Core", "Store", "TUI", "Sync", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
