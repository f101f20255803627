import CGSL

/// A small dense matrix (row-major) for the test statistics' algebra; solving goes through GSL's LU
/// decomposition (`gsl_linalg_LU_decomp`, `gsl_linalg_LU_solve`).
struct DenseMatrix: Equatable {
    var rows: Int
    var columns: Int
    var values: [Double]

    init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.rows = rows
        self.columns = columns
        values = Array(repeating: value, count: rows * columns)
    }

    static func diagonal(_ d: [Double]) -> DenseMatrix {
        var m = DenseMatrix(rows: d.count, columns: d.count)
        for i in d.indices { m[i, i] = d[i] }
        return m
    }

    subscript(i: Int, j: Int) -> Double {
        get { values[i * columns + j] }
        set { values[i * columns + j] = newValue }
    }

    var transposed: DenseMatrix {
        var t = DenseMatrix(rows: columns, columns: rows)
        for i in 0..<rows { for j in 0..<columns { t[j, i] = self[i, j] } }
        return t
    }

    var trace: Double { (0..<min(rows, columns)).reduce(0) { $0 + self[$1, $1] } }

    static func * (a: DenseMatrix, b: DenseMatrix) -> DenseMatrix {
        precondition(a.columns == b.rows, "matrix sizes do not match")
        var c = DenseMatrix(rows: a.rows, columns: b.columns)
        for i in 0..<a.rows {
            for k in 0..<a.columns where a[i, k] != 0 {
                for j in 0..<b.columns { c[i, j] += a[i, k] * b[k, j] }
            }
        }
        return c
    }

    static func - (a: DenseMatrix, b: DenseMatrix) -> DenseMatrix {
        var c = a
        for i in c.values.indices { c.values[i] -= b.values[i] }
        return c
    }

    /// X solving self · X = b, by GSL's LU decomposition.
    /// - Throws: ``StatsError/numerical(function:arguments:)`` when the matrix is singular.
    func solve(_ b: DenseMatrix) throws -> DenseMatrix {
        precondition(rows == columns && b.rows == rows, "solve needs a square matrix and a matching right side")
        GSL.prepare()
        let n = rows
        guard let lu = gsl_matrix_alloc(n, n), let permutation = gsl_permutation_alloc(n),
            let column = gsl_vector_alloc(n), let solution = gsl_vector_alloc(n)
        else {
            throw StatsError.invalid(.matrixAllocation(size: n))
        }
        defer {
            gsl_matrix_free(lu)
            gsl_permutation_free(permutation)
            gsl_vector_free(column)
            gsl_vector_free(solution)
        }
        for i in 0..<n { for j in 0..<n { gsl_matrix_set(lu, i, j, self[i, j]) } }
        var sign: Int32 = 0
        guard gsl_linalg_LU_decomp(lu, permutation, &sign) == GSL_SUCCESS else {
            throw StatsError.numerical(function: "gsl_linalg_LU_decomp", arguments: [Double(n)])
        }
        var x = DenseMatrix(rows: n, columns: b.columns)
        for j in 0..<b.columns {
            for i in 0..<n { gsl_vector_set(column, i, b[i, j]) }
            guard gsl_linalg_LU_solve(lu, permutation, column, solution) == GSL_SUCCESS else {
                throw StatsError.numerical(function: "gsl_linalg_LU_solve", arguments: [Double(n)])
            }
            for i in 0..<n {
                let value = gsl_vector_get(solution, i)
                guard value.isFinite else {
                    throw StatsError.numerical(function: "gsl_linalg_LU_solve", arguments: [Double(n)])
                }
                x[i, j] = value
            }
        }
        return x
    }
}
