# Reference values for sipas from R `survey` on its own `api` data (California schools).
# Regenerate: cd Tests/Fixtures/r-api && Rscript api-reference.R
# Writes: apiclus1.csv, apiclus2.csv, apistrat.csv, apisrs.csv (the columns sipas reads), reference*.csv,
# apiclus1-subboot.csv (R's bootstrap replicate weights) and pop-*.csv (population margins).
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

# Two-stage cluster sample: districts, then schools within districts, fpc at both stages.
write.csv(keep(apiclus2, c("dnum", "snum", "pw", "fpc1", "fpc2", "api00", "stype", "sch.wide")), "apiclus2.csv", row.names = FALSE)
dclus2 <- svydesign(id = ~dnum + snum, fpc = ~fpc1 + fpc2, weights = ~pw, data = apiclus2)
dclus2first <- svydesign(id = ~dnum, fpc = ~fpc1, weights = ~pw, data = apiclus2)   # first stage only
rows <- list()
mean_row("clus2", dclus2)
share_row("clus2", dclus2)
mean_row("clus2_stage1", dclus2first)
b <- svyby(~api00, ~stype, dclus2, svymean, deff = TRUE)
for (i in seq_len(nrow(b))) {
  g <- as.character(b$stype[i])
  add("clus2", paste0("stype=", g), "api00", "mean", b$api00[i], b$se[i], b$DEff.api00[i], degf(subset(dclus2, stype == g)))
}
b <- svyby(~I(sch.wide == "Yes"), ~stype, dclus2, svymean)
for (i in seq_len(nrow(b))) add("clus2", paste0("stype=", b$stype[i]), "sch.wide", "share", b[i, 3], b[i, 5], NA, NA)
write.csv(do.call(rbind, rows), "reference-twostage.csv", row.names = FALSE, quote = FALSE)

# Rao–Wu rescaling bootstrap (n_h − 1 PSUs drawn with replacement per stratum) on the cluster design
# without fpc (R refuses fpc with subbootstrap). R's random numbers are not GSL's, so the replicate
# analysis weights R drew are written out; sipas must reproduce the SEs from them exactly.
set.seed(20261123)
boot <- as.svrepdesign(dclus1nofpc, type = "subbootstrap", replicates = 50)
rw <- weights(boot, type = "analysis")
colnames(rw) <- paste0("rep", seq_len(ncol(rw)))
write.csv(data.frame(snum = apiclus1$snum, apply(rw, 2, f)), "apiclus1-subboot.csv", row.names = FALSE, quote = FALSE)
rows <- list()
m <- svymean(~api00, boot); add("clus1_subboot", "all", "api00", "mean", coef(m), SE(m), NA, NA)
m <- svymean(~I(sch.wide == "Yes"), boot); add("clus1_subboot", "all", "sch.wide", "share", coef(m)[2], SE(m)[2], NA, NA)
b <- svyby(~api00, ~stype, boot, svymean)
for (i in seq_len(nrow(b))) add("clus1_subboot", paste0("stype=", b$stype[i]), "api00", "mean", b$api00[i], b$se[i], NA, NA)
write.csv(do.call(rbind, rows), "reference-replicates.csv", row.names = FALSE, quote = FALSE)
writeLines(c(paste("scale", f(boot$scale)), paste("rscales", f(unique(boot$rscales))), paste("mse", boot$mse)), "subboot-settings.txt")

# Calibration: post-stratification on school type, raking on school type and sch.wide, to the
# population counts of apipop.
pop.types <- xtabs(~stype, data = apipop)
pop.schwide <- xtabs(~sch.wide, data = apipop)
write.csv(data.frame(stype = names(pop.types), population = as.vector(pop.types)), "pop-stype.csv", row.names = FALSE, quote = FALSE)
write.csv(data.frame(sch.wide = names(pop.schwide), population = as.vector(pop.schwide)), "pop-schwide.csv", row.names = FALSE, quote = FALSE)
rows <- list()
cal_rows <- function(name, design) {
  m <- svymean(~api00, design, deff = TRUE); add(name, "all", "api00", "mean", coef(m), SE(m), deff(m), degf(design))
  m <- svymean(~I(sch.wide == "Yes"), design, deff = TRUE)
  add(name, "all", "sch.wide", "share", coef(m)[2], SE(m)[2], deff(m)[2], degf(design))
  b <- svyby(~api00, ~stype, design, svymean)
  for (i in seq_len(nrow(b))) add(name, paste0("stype=", b$stype[i]), "api00", "mean", b$api00[i], b$se[i], NA, NA)
  if (!inherits(design, "svyrep.design")) add(name, "all", "weight_sum", "total", sum(weights(design)), NA, NA, NA)
}
ps1 <- postStratify(dclus1, ~stype, pop.types)
cal_rows("clus1_ps", ps1)
pss <- postStratify(dstrat, ~stype, pop.types)
cal_rows("strat_ps", pss)
# Raking run to convergence (R's default stops at an absolute change of 1 or after 10 sweeps).
converge <- list(maxit = 100, epsilon = 1e-12)
rk1 <- rake(dclus1, list(~stype, ~sch.wide), list(pop.types, pop.schwide), control = converge)
cal_rows("clus1_rake", rk1)
rk2 <- rake(dclus2, list(~stype, ~sch.wide), list(pop.types, pop.schwide), control = converge)
cal_rows("clus2_rake", rk2)
# Replicate designs calibrated afterwards: every replicate is recalibrated (R postStratify / rake on an
# svyrep.design; raking gives replicates the sweeps of the full sample).
cal_rows("clus1_jk1_ps", postStratify(as.svrepdesign(dclus1, type = "JK1"), ~stype, pop.types))
cal_rows("strat_jkn_ps", postStratify(as.svrepdesign(dstrat, type = "JKn"), ~stype, pop.types))
cal_rows("clus1_jk1_rake", rake(as.svrepdesign(dclus1, type = "JK1"), list(~stype, ~sch.wide), list(pop.types, pop.schwide), control = converge))
write.csv(do.call(rbind, rows), "reference-calibration.csv", row.names = FALSE, quote = FALSE)
# Calibrated weights per school (first rows of apiclus1 in file order).
write.csv(data.frame(snum = apiclus1$snum, ps = f(weights(ps1)), rake = f(weights(rk1))), "apiclus1-calibrated-weights.csv",
          row.names = FALSE, quote = FALSE)

# The unweighted mean of the school types' means (sipas's mean_of_units with unit = stype), by
# linearisation, JK1 and the subbootstrap weights above: svyby(covmat = TRUE) + svycontrast.
rows <- list()
mean_of_types <- function(name, design) {
  b <- svyby(~api00, ~stype, design, svymean, covmat = TRUE)
  m <- svycontrast(b, rep(1 / 3, 3))
  add(name, "mean_of_stype", "api00", "mean", coef(m), SE(m), NA, NA)
}
mean_of_types("clus1", dclus1)
mean_of_types("clus1_jk1", r1)
mean_of_types("clus1_subboot", boot)
write.csv(do.call(rbind, rows), "reference-mean-of-units.csv", row.names = FALSE, quote = FALSE)
