import Foundation
import Hummingbird
import SIPASCore
import SIPASImport
import SIPASStore

/// What the team pages and the API both do: receive and check an upload, accept it as a batch,
/// and list what an account may see. A team member sees its team's batches and uploads only;
/// anything else answers 404, as if it did not exist.
struct TeamActions {
    let services: WebServices

    /// Streams the upload into a new slot, checks it as `sipas validate` does and keeps the report.
    func receive(_ request: Request, context: WebContext, csrf: String?) async throws -> PendingUpload {
        guard let account = context.account else { throw HTTPError(.unauthorized) }
        let uploads = services.uploads
        let (id, slot) = try uploads.makeSlot()
        do {
            let received = try await UploadReceiver.receive(
                request, into: slot, limit: services.configuration.maxUploadBytes, csrf: csrf)
            let language = context.language
            let rejects = slot.appendingPathComponent("rejects.csv")
            let report = try await services.run {
                PendingUploads.validate(received.url, rejects: rejects, language: language)
            }
            let upload = PendingUpload(
                id: id, accountID: account.id, team: account.team, originalName: received.originalName,
                fileName: received.url.lastPathComponent, uploadedAt: ISO8601DateFormatter().string(from: Date()),
                report: report)
            try uploads.save(upload)
            services.logger.info(
                "upload checked",
                metadata: [
                    "upload": "\(id)", "account": "\(account.name)",
                    "rows": "\(report.rowsRead)", "rejected": "\(report.rejected)",
                ])
            return upload
        } catch {
            uploads.discard(id)
            throw error
        }
    }

    /// The upload `id` if the account may see it (its team's, or any for analysts), else 404.
    func upload(_ id: String, for account: WebAccount) throws -> PendingUpload {
        guard let upload = services.uploads.load(id), account.seesAllTeams || upload.team == account.team else {
            throw HTTPError(.notFound)
        }
        return upload
    }

    /// Loads the upload as a batch with the code of `sipas import`: the same file twice is stored
    /// once (`alreadyLoaded`); a different file under the same name needs `replace`.
    func accept(_ upload: PendingUpload, replace: Bool, account: WebAccount) async throws -> LoadOutcome {
        guard upload.report.errorEN == nil, !upload.report.instrumentID.isEmpty,
            let file = services.uploads.fileURL(upload)
        else {
            throw HTTPError(.unprocessableContent, message: "the file cannot be read; nothing to accept")
        }
        let name = upload.team.isEmpty ? upload.originalName : "\(upload.team)/\(upload.originalName)"
        let instrumentID = upload.report.instrumentID
        do {
            let instrument = try await services.run {
                let header = try InstrumentDetector.readHeader(of: file)
                return try InstrumentDetector.detectBuiltin(header: header, file: file.lastPathComponent).instrument
            }
            guard instrument.id == instrumentID else { throw HTTPError(.conflict) }
            let outcome = try await services.store.importFile(
                file, instrument: instrument, name: name, replace: replace,
                as: upload.team.isEmpty ? account.storeRole : .team(upload.team))
            // The store keeps one copy of a file: another team's identical batch is neither named nor
            // linked (its id would answer 404 to this account anyway).
            if case .alreadyLoaded(let batch) = outcome, !account.seesAllTeams, batch.team != account.team {
                throw HTTPError(.conflict, message: Self.storedElsewhere)
            }
            services.logger.info("batch accepted", metadata: ["upload": "\(upload.id)", "account": "\(account.name)"])
            return outcome
        } catch let error as StoreError where error.isDataError {
            throw HTTPError(.conflict, message: error.message(.en))
        }
    }

    /// The answer when the same file is stored under another team: nothing about that batch.
    static let storedElsewhere = "this file is already in the store (loaded by another team); nothing written"

    /// The batches the account may see, newest first.
    func batches(for account: WebAccount) async throws -> [BatchInfo] {
        Array(try await services.store.batches(as: account.storeRole).reversed())
    }

    /// Batch number `id` if the account may see it, else 404.
    func batch(_ id: String, for account: WebAccount) async throws -> BatchInfo {
        guard let number = Int64(id),
            let batch = try await services.store.batches(as: account.storeRole).first(where: { $0.id == number })
        else { throw HTTPError(.notFound) }
        return batch
    }

    static func values(_ batch: BatchInfo) -> [String: Any] {
        var values: [String: Any] = [
            "id": batch.id, "name": batch.name, "team": batch.team, "fileName": batch.fileName,
            "instrumentID": batch.instrumentID, "rowsRead": batch.rowsRead, "accepted": batch.accepted,
            "rejected": batch.rejected, "loadedAt": batch.loadedAt,
        ]
        if let replacedBy = batch.replacedBy { values["replacedBy"] = replacedBy }
        return values
    }
}
