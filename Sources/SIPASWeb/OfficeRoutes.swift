import Foundation
import Hummingbird
import SIPASStore

/// The provincial office's pages (analysts and administrators): fieldwork progress by team and by day.
struct OfficeRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        router.get("/progress") { _, context -> Response in
            let session = try requireSession(context)
            guard session.account.seesAllTeams else { throw HTTPError(.notFound) }
            let progress = Self.progress(try await services.store.batches(as: session.account.storeRole))
            func rows(_ groups: [Group]) -> [[String: Any]] {
                groups.map { ["name": $0.name, "batches": $0.batches, "accepted": $0.accepted, "rejected": $0.rejected] }
            }
            return services.pages.render("progress", title: "progress", data: ["teams": rows(progress.teams), "days": rows(progress.days)],
                                         context: context)
        }
    }

    struct Group: Codable, Sendable, Equatable {
        var name: String
        var batches = 0
        var accepted = 0
        var rejected = 0
    }

    /// Batches in force and their accepted forms, by team and by day of loading (UTC).
    static func progress(_ batches: [BatchInfo]) -> (teams: [Group], days: [Group]) {
        func count(_ batch: BatchInfo, into groups: inout [String: Group], as key: String) {
            var group = groups[key] ?? Group(name: key)
            group.batches += 1
            group.accepted += batch.accepted
            group.rejected += batch.rejected
            groups[key] = group
        }
        var teams: [String: Group] = [:], days: [String: Group] = [:]
        for batch in batches where batch.isInForce {
            count(batch, into: &teams, as: batch.team)
            count(batch, into: &days, as: String(batch.loadedAt.prefix(10)))
        }
        return (teams.values.sorted { $0.name < $1.name }, days.values.sorted { $0.name < $1.name })
    }
}
