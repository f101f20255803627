/// How replicate estimates θ_r become a variance, as R `survey`'s `svrVar`:
/// v = scale · Σ_r rscale_r · (θ_r − c)², c the mean of the replicates, or the full-sample
/// estimate when `mse` is true (R `survey.replicates.mse`).
public struct ReplicateSettings: Hashable, Sendable, Codable {
    public var scale: Double
    /// One per replicate; empty means 1 for every replicate.
    public var rscales: [Double]
    public var mse: Bool

    public init(scale: Double, rscales: [Double] = [], mse: Bool = false) {
        self.scale = scale
        self.rscales = rscales
        self.mse = mse
    }

    /// Bootstrap replicates (R `as.svrepdesign(type = "bootstrap" / "subbootstrap")`,
    /// `svrepdesign(type = "bootstrap")`): scale 1/(R − 1), rscales 1, centred on the replicate mean.
    public static func bootstrap(replicates: Int) -> ReplicateSettings {
        ReplicateSettings(scale: 1 / Double(max(replicates - 1, 1)))
    }

    func variance(_ thetas: [Double], full: Double) -> Double {
        guard !thetas.isEmpty else { return 0 }
        let centre = mse ? full : thetas.reduce(0, +) / Double(thetas.count)
        var sum = 0.0
        for (r, theta) in thetas.enumerated() {
            sum += (rscales.isEmpty ? 1 : rscales[r]) * (theta - centre) * (theta - centre)
        }
        return scale * sum
    }
}

/// Per-replicate weighted totals of one domain: for replicate r and item j, at `3 * j`: Σw_r over
/// valid answers, over satisfied answers, and of w_r·code. From replicate weights supplied with the
/// data, or from bootstrap multipliers applied to the per-PSU sums.
struct ReplicateTotals: Sendable {
    static let slots = 3
    var values: [[Double]]

    init(replicates: Int, items: Int) {
        values = Array(repeating: Array(repeating: 0, count: Self.slots * items), count: replicates)
    }

    mutating func add(_ other: ReplicateTotals) {
        for r in values.indices { for i in values[r].indices { values[r][i] += other.values[r][i] } }
    }

    /// Replicate estimates of an indicator; nil when a replicate leaves an item without valid answers.
    func thetas(_ indicator: Indicator, _ statistic: Statistic) -> [Double]? {
        let offset = statistic == .share ? 1 : 2
        var thetas: [Double] = []
        thetas.reserveCapacity(values.count)
        for replicate in values {
            var theta = 0.0
            for component in indicator.components {
                let x = replicate[Self.slots * component.item]
                guard x > 0 else { return nil }
                theta += component.coefficient * replicate[Self.slots * component.item + offset] / x
            }
            thetas.append(theta)
        }
        return thetas
    }
}
