# Reference values for sipas from R `survey` on its own `api` data (California schools).
# Regenerate: cd Tests/Fixtures/r-api && Rscript api-reference.R
# Writes: apiclus1.csv, apistrat.csv, apisrs.csv (the columns sipas reads) and reference.csv.
suppressPackageStartupMessages(library(survey))
data(api)
keep <- function(d, cols) { d <- d[, cols]; d$sch.wide <- as.character(d$sch.wide); d$stype <- as.character(d$stype); d }
write.csv(keep(apiclus1, c("dnum", "snum", "pw", "fpc", "api00", "stype", "sch.wide")), "apiclus1.csv", row.names = FALSE)
write.csv(keep(apistrat, c("snum", "stype", "pw", "fpc", "api00", "sch.wide")), "apistrat.csv", row.names = FALSE)
write.csv(keep(apisrs, c("snum", "stype", "pw", "fpc", "api00", "sch.wide")), "apisrs.csv", row.names = FALSE)

dsrs   <- svydesign(id = ~1, fpc = ~fpc, data = apisrs)
dstrat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc)
dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
dclus1nofpc <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1)

f <- function(x) sprintf("%.17g", x)
rows <- list()
add <- function(design, group, indicator, statistic, est, se, deff, df) {
  rows[[length(rows) + 1]] <<- data.frame(design = design, group = group, indicator = indicator, statistic = statistic,
    estimate = f(est), se = f(se), deff = f(deff), df = df)
}
mean_row <- function(name, design) {
  m <- svymean(~api00, design, deff = TRUE)
  add(name, "all", "api00", "mean", coef(m), SE(m), deff(m), degf(design))
}
mean_row("srs", dsrs)
mean_row("strat", dstrat)
mean_row("clus1", dclus1)
mean_row("clus1_nofpc", dclus1nofpc)

# Share of schools meeting the school-wide target, and its deff.
share_row <- function(name, design) {
  m <- svymean(~I(sch.wide == "Yes"), design, deff = TRUE)
  add(name, "all", "sch.wide", "share", coef(m)[2], SE(m)[2], deff(m)[2], degf(design))
}
share_row("strat", dstrat)
share_row("clus1", dclus1)

# Domains by school type on the cluster design (svyby keeps the full design).
b <- svyby(~api00, ~stype, dclus1, svymean, deff = TRUE)
for (i in seq_len(nrow(b))) {
  g <- as.character(b$stype[i])
  add("clus1", paste0("stype=", g), "api00", "mean", b$api00[i], b$se[i], b$DEff.api00[i], degf(subset(dclus1, stype == g)))
}
out <- do.call(rbind, rows)
write.csv(out, "reference.csv", row.names = FALSE, quote = FALSE)
writeLines(c(R.version.string, paste("survey", packageVersion("survey"))), "versions.txt")

# Jackknife replicate designs (JK1 for the cluster design, JKn for the stratified one).
rows <- list()
r1 <- as.svrepdesign(dclus1, type = "JK1")
m <- svymean(~api00, r1); add("clus1_jk1", "all", "api00", "mean", coef(m), SE(m), NA, degf(r1))
b <- svyby(~api00, ~stype, r1, svymean)
for (i in seq_len(nrow(b))) add("clus1_jk1", paste0("stype=", b$stype[i]), "api00", "mean", b$api00[i], b$se[i], NA, NA)
rs <- as.svrepdesign(dstrat, type = "JKn")
m <- svymean(~api00, rs); add("strat_jkn", "all", "api00", "mean", coef(m), SE(m), NA, degf(rs))
m <- svymean(~I(sch.wide == "Yes"), rs); add("strat_jkn", "all", "sch.wide", "share", coef(m)[2], SE(m)[2], NA, degf(rs))
write.csv(do.call(rbind, rows), "reference-jackknife.csv", row.names = FALSE, quote = FALSE)

# Rao–Scott tests of independence, school type × met the school-wide target (svychisq).
chisq_row <- function(name, design) {
  F <- svychisq(~sch.wide + stype, design)
  X <- svychisq(~sch.wide + stype, design, statistic = "Chisq")
  data.frame(design = name, f = f(F$statistic), ndf = f(F$parameter[1]), ddf = f(F$parameter[2]), p = f(F$p.value),
             chisq = f(X$statistic), chisq_df = X$parameter, chisq_p = f(X$p.value))
}
write.csv(rbind(chisq_row("clus1", dclus1), chisq_row("strat", dstrat)), "reference-chisq.csv", row.names = FALSE, quote = FALSE)
