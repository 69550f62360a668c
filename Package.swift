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
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Core is pure Swift without Foundation; `rounded()` needs libm on Linux.
        .target(name: "Core", linkerSettings: [.linkedLibrary("m")]),
        .target(name: "Store", dependencies: ["Core"]),
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
            ]
        ),
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .target(name: "Terminal", dependencies: ["TUI", "CNcurses"]),
        .executableTarget(
            name: "perspectief",
            dependencies: [
                "Core", "Store", "TUI", "Terminal", "Room", "CRoom",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "perspectief-bench", dependencies: ["Core", "Store", "TUI", "Room"]),
        // A writer process for the store's crash and concurrency tests (kill -9 needs a process).
        .executableTarget(name: "perspectief-stress", dependencies: ["Core", "Store"]),
        .testTarget(name: "CoreTests", dependencies: ["Core"]),
        .testTarget(name: "StoreTests", dependencies: ["Core", "Store"]),
        .testTarget(name: "TUITests", dependencies: ["Core", "TUI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Core", "Store"]),
        .testTarget(name: "RoomTests", dependencies: ["Core", "Room"]),
    ],
    swiftLanguageModes: [.v6]
)
