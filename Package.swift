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
        // The default theme compiled in (generated from themes/default/ by ./dev embed-theme).
        .target(name: "CopseDefaultTheme"),
        // copse's Mustache engine: compiles, checks and renders templates; knows nothing of pages.
        .target(name: "CopseTemplate"),
        .target(name: "CopseRender", dependencies: ["CopseCore", "CopseTemplate", "CopseDefaultTheme"]),
        .target(name: "CopseBuild", dependencies: ["CopseCore", "CopseMarkdown", "CopseRender", "CopseTemplate"]),
        .target(name: "CopseScaffold", dependencies: ["CopseCore", "CopseDefaultTheme"]),
        .target(name: "CopseServe", dependencies: ["CopseBuild", "CopseCore", .product(name: "FlyingFox", package: "FlyingFox")]),
        // The library calls this function of copse's through its PLT (see SpecialCharacters in
        // CopseMarkdown): it must be in the executable's dynamic symbol table, which release
        // builds do not fill by themselves.
        .executableTarget(name: "copse", dependencies: [
            "CopseBuild", "CopseCore", "CopseScaffold", "CopseServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic-symbol=cmark_manage_extensions_special_characters"])]),
        .testTarget(name: "CopseMarkdownTests", dependencies: ["CopseMarkdown"]),
        .testTarget(name: "CopseCoreTests", dependencies: ["CopseCore"]),
        // What the test targets share: fixture paths and trees, throwaway git repositories, and
        // swift-mustache set up as the reference renderer.
        .target(name: "CopseTestSupport", dependencies: ["CopseBuild", "CopseCore", "CopseTemplate",
                                                         .product(name: "Mustache", package: "swift-mustache")],
                path: "Tests/CopseTestSupport"),
        .testTarget(name: "CopseTemplateTests", dependencies: ["CopseTemplate", "CopseTestSupport",
                                                               .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "CopseRenderTests", dependencies: ["CopseRender", "CopseTemplate", "CopseDefaultTheme", "CopseTestSupport",
                                                             .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "CopseScaffoldTests", dependencies: ["CopseScaffold", "CopseBuild", "CopseCore", "CopseDefaultTheme", "Yams"]),
        .testTarget(name: "CopseBuildTests", dependencies: ["CopseBuild", "CopseCore", "CopseMarkdown", "CopseRender", "CopseTemplate", "CopseTestSupport",
                                                   .product(name: "Mustache", package: "swift-mustache")],
                    path: "Tests/CopseBuildTests"),
        .testTarget(name: "CopseServeTests", dependencies: ["CopseServe", "CopseBuild", "CopseCore"]),
    ],
    swiftLanguageModes: [.v6]
)

// The fuzz targets (Tests/Fuzz): only when Tests/Fuzz/run.sh builds them, with libFuzzer's
// instrumentation, so that `swift build` and `swift test` never see them.
if Context.environment["COPSE_FUZZ"] == "1" {
    let fuzzer: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer", "-parse-as-library"])]
    package.targets += [
        .executableTarget(name: "FuzzPageParser", dependencies: ["CopseCore", "CopseMarkdown"], path: "Tests/Fuzz/FuzzPageParser",
                          swiftSettings: fuzzer, linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]),
        .executableTarget(name: "FuzzTemplates", dependencies: ["CopseRender"], path: "Tests/Fuzz/FuzzTemplates",
                          swiftSettings: fuzzer, linkerSettings: [.unsafeFlags(["-sanitize=fuzzer"])]),
    ]
}
