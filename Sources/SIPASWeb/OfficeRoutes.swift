import Foundation
import Hummingbird
import SIPASInstruments
import SIPASStore

/// The provincial office's pages (analysts and administrators): fieldwork progress by team, by day,
/// by province and by commune.
struct OfficeRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        router.get("/progress") { _, context -> Response in
            let session = try requireSession(context)
            guard session.account.seesAllTeams else { throw HTTPError(.notFound) }
            let batches = try await services.store.batches(as: session.account.storeRole)
            let (progress, areas) = (
                Self.progress(batches), try await Self.areas(services.store, batches, as: session.account.storeRole)
            )
            func rows(_ groups: [Group]) -> [[String: Any]] {
                groups.map {
                    ["name": $0.name, "batches": $0.batches, "accepted": $0.accepted, "rejected": $0.rejected]
                }
            }
            return services.pages.render(
                "progress", title: "progress",
                data: [
                    "teams": rows(progress.teams), "days": rows(progress.days), "provinces": rows(areas.provinces),
                    "communes": rows(areas.communes),
                ], context: context)
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
        var teams: [String: Group] = [:]
        var days: [String: Group] = [:]
        for batch in batches where batch.isInForce {
            count(batch, into: &teams, as: batch.team)
            count(batch, into: &days, as: String(batch.loadedAt.prefix(10)))
        }
        return (teams.values.sorted { $0.name < $1.name }, days.values.sorted { $0.name < $1.name })
    }

    /// The columns of the areas counted: the province and the commune codes every built-in instrument asks.
    static let areaColumns = (province: "province_code", commune: "commune_code")

    /// Batches in force and their accepted forms by province and by commune: a batch counts once in
    /// every area it has a form of. Batches of an instrument that is not built in, or without the
    /// column, are left out of that level.
    static func areas(_ store: any SurveyStoring, _ batches: [BatchInfo], as role: StoreRole) async throws -> (
        provinces: [Group], communes: [Group]
    ) {
        var provinces: [String: Group] = [:]
        var communes: [String: Group] = [:]
        for batch in batches where batch.isInForce && batch.accepted > 0 {
            guard let layout = try BuiltinInstruments.named(batch.instrumentID)?.recordLayout else { continue }
            let columns = [areaColumns.province, areaColumns.commune].map { layout.attributeIndex($0) }
            let selection = try await store.select(ResponseSelection(batches: [batch.name]), as: role)
            let counts = try await store.reduceRecords(
                in: selection, year: nil, layout: layout, as: role,
                into: [[String: Int]](repeating: [:], count: 2)
            ) { counts, record in
                for (level, column) in columns.enumerated() {
                    if let column { counts[level][record.attributes[column], default: 0] += 1 }
                }
            }
            for (level, levelCounts) in counts.enumerated() {
                for (name, accepted) in levelCounts {
                    var group = (level == 0 ? provinces[name] : communes[name]) ?? Group(name: name)
                    group.batches += 1
                    group.accepted += accepted
                    if level == 0 { provinces[name] = group } else { communes[name] = group }
                }
            }
        }
        return (provinces.values.sorted { $0.name < $1.name }, communes.values.sorted { $0.name < $1.name })
    }
}
