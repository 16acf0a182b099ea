// swift-tools-version:6.1
import PackageDescription

/// Module seams follow docs/ARCHITECTURE.md: imports only point down
/// (tuopin → TuopinWeb → TuopinServices → TuopinStrings → TuopinStore → TuopinCore).
/// Every module a target imports is declared here; `scripts/check-imports` (run by the test
/// command) fails on an undeclared one.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let nio: [Target.Dependency] = [
    .product(name: "NIOCore", package: "swift-nio"),
    .product(name: "NIOPosix", package: "swift-nio"),
    .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
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
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/async-kit", from: "1.22.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "TuopinCore", swiftSettings: swiftSettings),
        // Prepared statements on SQLiteNIO's own embedded SQLite, for the bulk load.
        .target(name: "CTuopinSQLite"),
        .target(
            name: "TuopinStore",
            dependencies: [
                "TuopinCore", "CTuopinSQLite",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "AsyncKit", package: "async-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ] + nio,
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TuopinStrings",
            dependencies: ["TuopinCore", "TuopinStore"],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TuopinServices",
            dependencies: [
                "TuopinCore", "TuopinStore", "TuopinStrings",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ] + nio,
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TuopinWeb",
            dependencies: [
                "TuopinCore", "TuopinStore", "TuopinStrings", "TuopinServices",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TuopinDemo",
            dependencies: ["TuopinCore", "TuopinStore", "TuopinStrings", "TuopinServices"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TuopinTesting",
            dependencies: [
                "TuopinCore", "TuopinStore", "TuopinStrings", "TuopinServices", "TuopinWeb", "TuopinDemo",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "tuopin",
            dependencies: [
                "TuopinCore", "TuopinStore", "TuopinStrings", "TuopinServices", "TuopinWeb", "TuopinDemo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "tuopin-bench",
            dependencies: ["TuopinCore", "TuopinStore", "TuopinServices"],
            path: "bench/Sources/tuopin-bench",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "TuopinCoreTests", dependencies: ["TuopinCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TuopinStoreTests",
            dependencies: [
                "TuopinCore", "TuopinStore", "TuopinServices", "TuopinTesting", "TuopinDemo",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "TuopinDemoTests", dependencies: ["TuopinDemo", "TuopinCore"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TuopinStringsTests",
            dependencies: ["TuopinStrings", "TuopinCore", "TuopinStore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TuopinServicesTests",
            dependencies: [
                "TuopinCore", "TuopinStore", "TuopinStrings", "TuopinServices", "TuopinTesting", "TuopinDemo",
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TuopinWebTests",
            dependencies: [
                "TuopinCore", "TuopinStore", "TuopinServices", "TuopinWeb", "TuopinTesting", "TuopinDemo",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
