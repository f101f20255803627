import Testing

@testable import SIPASStats

/// The keys the accumulators file their sums under.
struct AccumulatorKeysTests {
    /// The three scopes of a domain key order as the output lists them (whole sample, then the
    /// units, then each breakdown by position), and unit domains are not output domains.
    @Test func domainKeysOrderByScopeThenValues() {
        let keys = [
            DomainKey(breakdown: 1, values: ["a"]), DomainKey(scope: .unit, values: ["26"]), .all,
            DomainKey(breakdown: 0, values: ["b"]), DomainKey(breakdown: 0, values: ["a"]),
            DomainKey(scope: .unit, values: ["01"]),
        ]
        #expect(
            keys.sorted() == [
                .all, DomainKey(scope: .unit, values: ["01"]), DomainKey(scope: .unit, values: ["26"]),
                DomainKey(breakdown: 0, values: ["a"]), DomainKey(breakdown: 0, values: ["b"]),
                DomainKey(breakdown: 1, values: ["a"]),
            ])
        #expect(keys.map(\.breakdown) == [1, nil, nil, 0, 0, nil])
    }
}
