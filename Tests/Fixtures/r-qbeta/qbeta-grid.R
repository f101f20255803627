# Reference quantiles of the Beta(a, b) distribution from R's qbeta, for sipas's own beta quantile
# (Sources/SIPASStats/GSL/BetaQuantile.swift). Regenerate:  cd Tests/Fixtures/r-qbeta && Rscript qbeta-grid.R
# Writes qbeta-grid.csv: p, a, b, q (every number as sprintf("%.17g")) and a column `warned`
# (1 when qbeta warned that full precision may not have been achieved); and versions.txt.
ps <- c(1e-12, 1e-8, 1e-4, 0.005, 0.025, 0.1, 0.5, 0.9, 0.975, 0.995, 1 - 1e-4, 1 - 1e-8, 1 - 1e-12)
shapes <- c(1e-3, 0.05, 0.5, 1, 2.5, 9.944387572723478, 30, 1023.8629440384317, 1e5, 1e7)
f <- function(x) sprintf("%.17g", x)
rows <- list()
for (a in shapes) for (b in shapes) for (p in ps) {
  warned <- 0L
  q <- withCallingHandlers(qbeta(p, a, b), warning = function(w) { warned <<- 1L; invokeRestart("muffleWarning") })
  rows[[length(rows) + 1]] <- data.frame(p = f(p), a = f(a), b = f(b), q = f(q), warned = warned)
}
out <- do.call(rbind, rows)
write.csv(out, "qbeta-grid.csv", row.names = FALSE, quote = FALSE)
writeLines(c(R.version.string), "versions.txt")
cat(nrow(out), "rows,", sum(out$warned), "with a precision warning,", sum(as.numeric(out$q) == 0), "zero,",
    sum(as.numeric(out$q) > 0 & as.numeric(out$q) < 2.2250738585072014e-308), "subnormal\n")
