// swift-tools-version:6.0
import PackageDescription

// The modules, each depending only on those above it:
//   OfferMapModel       plain values: ids, institutions, labels, evidence, findings, diagnostics
//   OfferMapInput       files, front matter, YAML, spreadsheets (the only file-system calls)
//   OfferMapClassifier  labels from an offer's text, with evidence
//   OfferMapAnalysis    matrix, network, findings, next steps, comparison
//   OfferMapRender      texts, templates, views, JSON/CSV/HSDS, escaping (the only user of libcmark)
//   OfferMapCore        the pipeline: commands as steps over one run
//   OfferMapCLI         the command line
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
        .target(name: "OfferMapModel"),
        .target(name: "OfferMapInput", dependencies: ["OfferMapModel", .product(name: "Yams", package: "Yams")]),
        .target(name: "OfferMapClassifier", dependencies: ["OfferMapModel"]),
        .target(name: "OfferMapAnalysis", dependencies: ["OfferMapModel", "OfferMapClassifier"]),
        .target(
            name: "OfferMapRender",
            dependencies: [
                "OfferMapModel", "OfferMapInput", "OfferMapAnalysis", "CommonMark",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "OfferMapCore",
            dependencies: ["OfferMapModel", "OfferMapInput", "OfferMapClassifier", "OfferMapAnalysis", "OfferMapRender"]
        ),
        .target(
            name: "OfferMapCLI",
            dependencies: [
                "OfferMapModel", "OfferMapInput", "OfferMapClassifier", "OfferMapAnalysis", "OfferMapRender", "OfferMapCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "offermap", dependencies: ["OfferMapCLI"]),
        .testTarget(
            name: "OfferMapCoreTests",
            dependencies: ["OfferMapModel", "OfferMapInput", "OfferMapClassifier", "OfferMapAnalysis", "OfferMapRender", "OfferMapCore",
                           "CommonMark"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "OfferMapCLITests", dependencies: ["offermap"]),
    ]
)
