import CopseBuild
import Foundation

/// What `copse serve` was asked for.
package struct ServeOptions: Sendable {
    /// The hub and how to build it. Its `output` is ignored: serve builds into ``siteFolder``.
    package var build: BuildOptions
    /// The address to listen on: an IPv4 or IPv6 address, or `localhost`.
    package var host: String
    /// 0: any free port.
    package var port: UInt16
    /// Where the previewed site is built: a folder copse owns, never the hub's published output,
    /// so previewing changes nothing a leader publishes. Default `<root>/.copse-cache/serve/site`.
    package var siteFolder: URL
    package var watch: WatchMethod
    /// How long the files must stay unchanged before a burst of changes is rebuilt.
    package var quiet: Duration
    /// How often an idle event stream gets a comment line.
    package var keepAlive: Duration

    package static let defaultPort: UInt16 = 8080

    package init(build: BuildOptions, host: String = "127.0.0.1", port: UInt16 = ServeOptions.defaultPort,
                siteFolder: URL? = nil, watch: WatchMethod = .automatic,
                quiet: Duration = .milliseconds(80), keepAlive: Duration = .seconds(15)) {
        self.build = build
        self.host = host
        self.port = port
        self.siteFolder = siteFolder ?? Self.defaultSiteFolder(root: build.root)
        self.watch = watch
        self.quiet = quiet
        self.keepAlive = keepAlive
    }

    /// `<root>/.copse-cache/serve/site` (`.copse-cache/` is git-ignored in hubs).
    package static func defaultSiteFolder(root: URL) -> URL {
        root.appendingPathComponent(".copse-cache/serve/site")
    }
}
