// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "copse",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "copse", targets: ["copse"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CopseMarkdown", dependencies: ["CCmarkGFM"]),
        .target(name: "CopseCore", dependencies: ["CopseMarkdown", "Yams"]),
        .target(name: "CopseRender", dependencies: ["CopseCore"]),
        .target(name: "CopseBuild", dependencies: ["CopseCore", "CopseMarkdown", "CopseRender"]),
        .target(name: "CopseServe", dependencies: ["CopseBuild", "CopseCore", .product(name: "FlyingFox", package: "FlyingFox")]),
        .executableTarget(name: "copse", dependencies: [
            "CopseBuild", "CopseCore", "CopseServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "CopseMarkdownTests", dependencies: ["CopseMarkdown"]),
        .testTarget(name: "CopseCoreTests", dependencies: ["CopseCore"]),
        .testTarget(name: "CopseRenderTests", dependencies: ["CopseRender", .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "CopseBuildTests", dependencies: ["CopseBuild", "CopseCore", "CopseRender",
                                                   .product(name: "Mustache", package: "swift-mustache")],
                    path: "Tests/CopseBuildTests"),
        .testTarget(name: "CopseServeTests", dependencies: ["CopseServe", "CopseBuild", "CopseCore"]),
    ],
    swiftLanguageModes: [.v6]
)
