# Instrument quality on sipas's shipped sample (SampleData/2024.csv, instrument sipas-2023).
# Regenerate:  cd Tests/Fixtures/r-sampledata && Rscript quality.R   (needs Debian r-cran-psych)
# Writes quality-alpha.csv and quality-nonresponse.csv (sprintf %.17g).
#
# Cronbach's alpha per element over its content items (codes 1–5), respondents with a valid answer
# on every item of the element (listwise): psych::alpha's raw_alpha, checked against the formula
# k/(k−1)·(1 − Σ s²_j / s²_total). Weighted alpha: the same formula on cov.wt(x, weight) variances.
# Feldt's interval (Feldt, Woodruff & Salih 1987, Applied Psychological Measurement 11(1):93–103):
# 1 − (1 − α)·F_{1−γ/2}(n−1, (n−1)(k−1)) to 1 − (1 − α)·F_{γ/2}(n−1, (n−1)(k−1)), 95 %.
# Item non-response: blank cells and "don't know / not applicable" codes (8, 9), per item, as shares of
# all records, unweighted and weighted by the design weight.
suppressPackageStartupMessages(library(psych))
d <- read.csv("../../../SampleData/2024.csv", colClasses = "character", na.strings = character(0))
w <- as.numeric(d$weight)
f <- function(x) sprintf("%.17g", x)
code <- function(item) suppressWarnings(as.integer(d[[item]]))
names_all <- names(d)
elements <- list()
for (e in 1:5) elements[[paste0("PAS_E", e)]] <- grep(paste0("^PAS_E", e, "_c[0-9]+$"), names_all, value = TRUE)
for (p in unique(sub("^POL_([a-z]+)_(participation|quality|implementation|impact)$", "\\1",
                     grep("^POL_[a-z]+_(participation|quality|implementation|impact)$", names_all, value = TRUE)))) {
  elements[[paste0("POL_", p)]] <- grep(paste0("^POL_", p, "_(participation|quality|implementation|impact)$"), names_all, value = TRUE)
}
rows <- list()
for (name in names(elements)) {
  items <- elements[[name]]
  x <- sapply(items, code)
  ok <- apply(x, 1, function(r) all(!is.na(r) & r >= 1 & r <= 5))
  x <- x[ok, , drop = FALSE]; wx <- w[ok]
  k <- ncol(x); n <- nrow(x)
  a <- suppressWarnings(suppressMessages(psych::alpha(as.data.frame(x), check.keys = FALSE, warnings = FALSE)))$total$raw_alpha
  byhand <- k / (k - 1) * (1 - sum(apply(x, 2, var)) / var(rowSums(x)))
  stopifnot(abs(a - byhand) < 1e-12)
  cw <- cov.wt(x, wt = wx)$cov
  wa <- k / (k - 1) * (1 - sum(diag(cw)) / sum(cw))
  lo <- 1 - (1 - a) * qf(0.975, n - 1, (n - 1) * (k - 1))
  hi <- 1 - (1 - a) * qf(0.025, n - 1, (n - 1) * (k - 1))
  rows[[length(rows) + 1]] <- data.frame(items = paste(sort(items), collapse = ";"), k = k, n = n, alpha = f(a),
                                         ci_low = f(lo), ci_high = f(hi), weighted_alpha = f(wa))
}
write.csv(do.call(rbind, rows), "quality-alpha.csv", row.names = FALSE, quote = FALSE)

scored <- grep("^(PAS_E[0-9]+_(c[0-9]+|gen)|POL_[a-z]+_(participation|quality|implementation|impact))$", names_all, value = TRUE)
rows <- list()
for (item in scored) {
  raw <- d[[item]]; c <- code(item)
  blank <- raw == ""
  excluded <- !blank & c %in% c(8, 9)
  rows[[length(rows) + 1]] <- data.frame(item = item, records = nrow(d), blank = sum(blank), excluded = sum(excluded),
    blank_rate = f(mean(blank)), excluded_rate = f(mean(excluded)), nonresponse_rate = f(mean(blank | excluded)),
    weighted_nonresponse_rate = f(sum(w[blank | excluded]) / sum(w)))
}
write.csv(do.call(rbind, rows), "quality-nonresponse.csv", row.names = FALSE, quote = FALSE)
