// swift-tools-version:6.1
import PackageDescription

/// Module seams follow docs/ARCHITECTURE.md: imports only point down
/// (tuopin → TuopinWeb → TuopinServices → TuopinStore → TuopinCore).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "tuopin",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tuopin", targets: ["tuopin"]),
        .library(name: "TuopinCore", targets: ["TuopinCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/async-kit", from: "1.22.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(name: "TuopinCore", swiftSettings: swiftSettings),
        .target(
            name: "TuopinStore",
            dependencies: [
                "TuopinCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "AsyncKit", package: "async-kit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TuopinServices",
            dependencies: ["TuopinCore", "TuopinStore", "TuopinDemo", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TuopinWeb",
            dependencies: [
                "TuopinCore", "TuopinStore", "TuopinServices",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(name: "TuopinDemo", dependencies: ["TuopinCore"], swiftSettings: swiftSettings),
        .target(
            name: "TuopinTesting",
            dependencies: ["TuopinCore", "TuopinStore", "TuopinServices", "TuopinWeb", "TuopinDemo",
                           .product(name: "HummingbirdTesting", package: "hummingbird")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "tuopin",
            dependencies: [
                "TuopinCore", "TuopinStore", "TuopinServices", "TuopinWeb", "TuopinDemo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "TuopinCoreTests", dependencies: ["TuopinCore"], swiftSettings: swiftSettings),
        .testTarget(name: "TuopinStoreTests", dependencies: ["TuopinStore", "TuopinTesting", "TuopinDemo"], swiftSettings: swiftSettings),
        .testTarget(name: "TuopinDemoTests", dependencies: ["TuopinDemo", "TuopinCore"], swiftSettings: swiftSettings),
        .testTarget(name: "TuopinServicesTests", dependencies: ["TuopinServices", "TuopinTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "TuopinWebTests", dependencies: ["TuopinWeb", "TuopinTesting",
                    .product(name: "HummingbirdTesting", package: "hummingbird")], swiftSettings: swiftSettings),
    ]
)
