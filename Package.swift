// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "offermap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "offermap", targets: ["offermap"]),
        .library(name: "OfferMapCore", targets: ["OfferMapCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CommonMark", dependencies: ["Ccmark"]),
        .target(
            name: "OfferMapCore",
            dependencies: [
                "CommonMark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "OfferMapCLI",
            dependencies: [
                "OfferMapCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "offermap", dependencies: ["OfferMapCLI"]),
        .testTarget(
            name: "OfferMapCoreTests",
            dependencies: ["OfferMapCore", "CommonMark"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "OfferMapCLITests", dependencies: ["offermap"]),
    ]
)
