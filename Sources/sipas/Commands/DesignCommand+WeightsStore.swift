import Foundation
import SIPASCore
import SIPASReportJobs
import SIPASStats
import SIPASStore
import SIPASStorePostgres

extension DesignWeightsCommand {
    /// Writes the weights of `result` (the weighted responses file `output`) into batch `batch` of
    /// the SQLite store `store`, matched by the instrument's respondent id: the batch is replaced by
    /// a copy with the new weights, recorded with the file's name and SHA-256 (``SurveyStore/reweight(batch:weights:weightAttribute:fileName:sha256:)``).
    func writeIntoStore(_ result: WeightsOutput, store location: String, batch name: String) throws {
        guard FileManager.default.fileExists(atPath: location) else {
            throw DesignError(.missingInput, .noStore(location))
        }
        let store = try StoreLocation.openSQLite(location, language: lang)
        let batch = try store.batch(name)
        let instrument = try InstrumentResolver.resolve(batch.instrumentID)
        guard let idColumn = instrument.respondentId else {
            throw DesignError(.usage, .noRespondentID(instrument: instrument.id))
        }
        guard let idIndex = result.header.firstIndex(of: idColumn) else {
            throw DesignError.missingColumn(file: responses, column: idColumn, header: result.header)
        }
        let weightIndex = result.header.firstIndex(of: weightColumn)!
        var weights: [String: String] = [:]
        for row in result.rows {
            guard weights.updateValue(row[weightIndex], forKey: row[idIndex]) == nil else {
                throw DesignError(.data, .idTwice(file: responses, column: idColumn, id: row[idIndex]))
            }
        }
        let url = URL(fileURLWithPath: output)
        let written = try store.reweight(
            batch: name, weights: weights, weightAttribute: instrument.design.weight,
            fileName: url.lastPathComponent, sha256: try PreparedBatch.sha256(of: url))
        Console.message(
            CLIMessage.reweighted(
                store: location, batch: name, id: batch.id, newID: written.batch.id, file: url.lastPathComponent,
                responses: written.rows
            ).text(lang))
    }
}
