// swift-tools-version:6.0
import PackageDescription

// The modules, each depending only on those above it:
//   OfferMapResources   the shipped templates, translations, taxonomy and training offers (generated at build time)
//   OfferMapModel       plain values: ids, institutions, labels, evidence, findings, diagnostics
//   OfferMapInput       files, front matter, YAML (libyaml), spreadsheets (the only file-system calls)
//   OfferMapClassifier  labels from an offer's text, with evidence
//   OfferMapWeights     the shipped classifier: its training offers and its weights, trained at build time
//   OfferMapAnalysis    matrix, network, findings, next steps, comparison
//   OfferMapRender      texts, templates (compiled at build time), views, JSON/CSV/HSDS, escaping (the only user of libcmark)
//   OfferMapCore        the pipeline: commands as steps over one run
//   OfferMapServe       `offermap serve`: a local server with live rebuilds, review pages and write-back
//   OfferMapCLI         the command line
let package = Package(
    name: "offermap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "offermap", targets: ["offermap"]),
        .library(name: "OfferMapCore", targets: ["OfferMapCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CommonMark", dependencies: ["Ccmark"]),
        // libyaml's event API, for the front matter and the YAML files
        .systemLibrary(
            name: "Cyaml",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // templates/, inputs/taxonomy.yaml and data/ compiled in at build time
        .executableTarget(name: "EmbedTool"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["EmbedTool"]),
        .target(name: "OfferMapResources", plugins: ["EmbedResources"]),
        // templates/*.mustache compiled into Swift render functions of OfferMapRender at build time
        .executableTarget(name: "TemplateCompiler"),
        .plugin(name: "CompileTemplates", capability: .buildTool(), dependencies: ["TemplateCompiler"]),
        .target(name: "OfferMapModel"),
        .target(name: "OfferMapInput", dependencies: ["OfferMapModel", "Cyaml"]),
        .target(name: "OfferMapClassifier", dependencies: ["OfferMapModel"]),
        // the classifier trained at build time on the shipped offers
        .executableTarget(name: "TrainTool", dependencies: ["OfferMapModel", "OfferMapInput", "OfferMapClassifier"]),
        .plugin(name: "TrainModel", capability: .buildTool(), dependencies: ["TrainTool"]),
        .target(name: "OfferMapWeights", dependencies: ["OfferMapModel", "OfferMapResources", "OfferMapClassifier"], plugins: ["TrainModel"]),
        .target(name: "OfferMapAnalysis", dependencies: ["OfferMapModel", "OfferMapClassifier"]),
        .target(
            name: "OfferMapRender",
            dependencies: [
                "OfferMapModel", "OfferMapResources", "OfferMapInput", "OfferMapAnalysis", "CommonMark",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["CompileTemplates"]
        ),
        .target(
            name: "OfferMapCore",
            dependencies: ["OfferMapModel", "OfferMapResources", "OfferMapInput", "OfferMapClassifier", "OfferMapWeights", "OfferMapAnalysis",
                           "OfferMapRender"]
        ),
        // `offermap serve`: the reports, the site and the review pages on 127.0.0.1, rebuilt when a file changes
        .target(
            name: "OfferMapServe",
            dependencies: ["OfferMapModel", "OfferMapInput", "OfferMapAnalysis", "OfferMapRender", "OfferMapCore",
                           .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .target(
            name: "OfferMapCLI",
            dependencies: [
                "OfferMapModel", "OfferMapResources", "OfferMapInput", "OfferMapClassifier", "OfferMapWeights", "OfferMapAnalysis",
                "OfferMapRender", "OfferMapCore", "OfferMapServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // jemalloc (Debian's libjemalloc-dev) in place of glibc's malloc: build at national scale spends about a tenth
        // of its time allocating and freeing small values on two threads
        .executableTarget(name: "offermap", dependencies: ["OfferMapCLI"],
                          linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]),
        .testTarget(
            name: "OfferMapCoreTests",
            dependencies: ["OfferMapModel", "OfferMapResources", "OfferMapInput", "OfferMapClassifier", "OfferMapWeights",
                           "OfferMapAnalysis", "OfferMapRender", "OfferMapCore", "OfferMapServe", "CommonMark"],
            resources: [.copy("Fixtures")],
            // the Mustache spec cases in Fixtures/spec, compiled like the shipped templates
            plugins: ["CompileTemplates"]
        ),
        .testTarget(name: "OfferMapCLITests", dependencies: ["offermap"]),
    ]
)
