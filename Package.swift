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
        // SHA-256 for the checksum of session packs; the room's host key.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        // CSV for `perspectief import` (keeps each row's real cell count, unlike SwiftCSV).
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        // The event database where many rooms meet (issue 25): PostgreSQL, no ORM.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // postgres-nio logs through swift-log; the syncer keeps it quiet (a room's screen is no log).
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Core is pure Swift without Foundation; `rounded()` needs libm on Linux.
        .target(name: "Core", linkerSettings: [.linkedLibrary("m")]),
        .target(name: "Store", dependencies: ["Core", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "TUI", dependencies: ["Core", "Store"]),
        // pty, spawn and prctl calls Swift cannot make directly (variadic or GNU-only).
        .target(name: "CRoom"),
        // The room servers (SSH, web): know Core and Store, never TUI or ncurses.
        .target(
            name: "Room",
            dependencies: [
                "Core", "Store", "CRoom",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "Crypto", package: "swift-crypto"),
                // The web page for phones: Hummingbird, and the QR code of its address from
                // Debian's libqrencode.
                "CQRencode",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
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
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .target(name: "Terminal", dependencies: ["TUI", "CNcurses"]),
        .systemLibrary(name: "CQRencode", providers: [.apt(["libqrencode-dev"])]),
        .executableTarget(
            name: "perspectief",
            dependencies: [
                "Core", "Store", "TUI", "Terminal", "Room", "CRoom", "Sync",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .executableTarget(name: "perspectief-bench", dependencies: ["Core", "Store", "TUI", "Room", "Sync"]),
        // A writer process for the store's crash and concurrency tests (kill -9 needs a process).
        .executableTarget(name: "perspectief-stress", dependencies: ["Core", "Store"]),
        .testTarget(name: "CoreTests", dependencies: ["Core"]),
        .testTarget(name: "StoreTests", dependencies: ["Core", "Store"]),
        .testTarget(name: "TUITests", dependencies: ["Core", "TUI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Core", "Store", "Room"]),
        .testTarget(name: "RoomTests", dependencies: ["Core", "Store", "Room", "TUI"]),
        .testTarget(name: "SyncTests", dependencies: ["Core", "Store", "TUI", "Sync"]),
    ],
    swiftLanguageModes: [.v6]
)
