# Reference values for sipas on public real-world survey data (the CSV files export.R wrote), from R
# `survey`. Regenerate:  cd Tests/Fixtures/r-real && Rscript export.R && Rscript reference.R
# Writes reference.csv (every number as sprintf("%.17g")), margin-race.csv, margin-sex.csv.
#
# Columns: case,options,group_variable,group_value,indicator,statistic,ci_method,estimate,se,df,ci_low,ci_high,n
#   case        the data and instrument (nhanes, nhanes-normal, yrbs, beps) and the variance
#               (nhanes-jackknife, nhanes-rake); `options` repeats the sipas arguments that case needs
#   group_*     "all","" for the whole sample; a breakdown column and its value; crossings as "a*b","x*y"
#   statistic   share (a proportion, not percent) or mean (a score)
#   ci_method   logit | beta | wald for shares (sipas --ci), t for means
#   n           valid answers (items), rows (element, area, overall)
#
# Definitions, as sipas: an answer outside the item's codes (a blank) is missing. Missing answers are
# NOT a subpopulation (docs/methodology.md §4): every share of a domain is
#   svyciprop(~I(sat == 1), subset(des, domain), method = m, na.rm = TRUE)
# whose df is degf(subset(des, domain)) (all its rows, answered or not) and whose Korn–Graubard n is
# nrow(subset(des, domain)); means are svymean(~y, subset(des, domain), na.rm = TRUE) ± qt(0.975, df)·SE.
# The whole sample uses the design itself. Roll-ups (element, area, overall) of BEPS, which has no
# missing answer, are equal-weight means of the item shares: svymean of the mean of the items'
# indicators, with the closed-form logit (xlogit) interval.
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "fail")
f <- function(x) if (length(x) == 0 || is.na(x)) "" else sprintf("%.17g", x)
rows <- list()
add <- function(case, options, gv, gval, indicator, statistic, method, est, se, df, lo, hi, n) {
  rows[[length(rows) + 1]] <<- data.frame(case = case, options = options, group_variable = gv, group_value = gval,
    indicator = indicator, statistic = statistic, ci_method = method, estimate = f(est), se = f(se), df = f(df),
    ci_low = f(lo), ci_high = f(hi), n = f(n), stringsAsFactors = FALSE)
}
expit <- function(x) 1 / (1 + exp(-x))
xlogit_ci <- function(p, se, df) expit(log(p / (1 - p)) + c(-1, 1) * qt(0.975, df) * se / (p * (1 - p)))
same <- function(a, b, tol = 1e-10) isTRUE(all.equal(as.numeric(a), as.numeric(b), tolerance = tol))
r_method <- c(logit = "logit", beta = "beta", wald = "mean", xlogit = "xlogit")

# Domains of a design: list of (variable, value, subset design, row indicator).
domains <- function(des, d, by) {
  out <- list(list(gv = "all", gval = "", sub = des, ind = rep(TRUE, nrow(d))))
  for (b in by) {
    vars <- strsplit(b, "*", fixed = TRUE)[[1]]
    key <- do.call(paste, c(lapply(vars, function(v) as.character(d[[v]])), sep = "*"))
    for (k in sort(unique(key))) {
      ind <- key == k
      out[[length(out) + 1]] <- list(gv = b, gval = k, sub = des[ind, ], ind = ind)
    }
  }
  out
}

# Item shares of one 0/1-coded variable `sat` (NA = missing) for every domain and CI method.
item_shares <- function(case, options, des, d, item, by, methods, kg_domains = TRUE, df_domains = TRUE) {
  for (dom in domains(des, d, by)) {
    n <- sum(!is.na(d$sat[dom$ind]))
    m <- svymean(~sat, dom$sub, na.rm = TRUE)
    p <- as.numeric(coef(m)); se <- as.numeric(SE(m))
    df <- degf(dom$sub)
    whole <- dom$gv == "all"
    for (method in methods) {
      if (method == "beta" && !whole && !kg_domains) next
      # sipas's logit interval is the closed form, R's method = "xlogit"; R's "logit" fits a
      # quasibinomial svyglm to glm's convergence (1e-8), which moves a 0.65 % share by 5e-8 (relative):
      # its limits are checked against the closed form to 1e-6, and the closed form is recorded.
      ci <- svyciprop(~I(sat == 1), dom$sub, method = r_method[[if (method == "logit") "xlogit" else method]], na.rm = TRUE)
      if (!same(ci, p) || !same(sqrt(attr(ci, "var")), se))
        stop(sprintf("%s %s=%s %s: svyciprop %.17g (SE %.17g), svymean %.17g (SE %.17g)", case, dom$gv, dom$gval,
          method, as.numeric(ci), sqrt(attr(ci, "var")), p, se))
      if (method %in% c("logit", "xlogit")) stopifnot(same(attr(ci, "ci"), xlogit_ci(p, se, df)))
      if (method == "logit" && !inherits(dom$sub, "svyrep.design") && is.null(dom$sub$postStrata))
        stopifnot(same(attr(svyciprop(~I(sat == 1), dom$sub, method = "logit", na.rm = TRUE), "ci"), attr(ci, "ci"), 1e-6))
      add(case, options, dom$gv, dom$gval, paste0("item:", item), "share", if (method == "xlogit") "logit" else method,
        p, se, if (whole || df_domains) df else NA, if (whole || df_domains) attr(ci, "ci")[1] else NA,
        if (whole || df_domains) attr(ci, "ci")[2] else NA, n)
    }
  }
}

# ---------------------------------------------------------------- NHANES
nh <- read.csv("nhanes.csv", colClasses = c(agecat = "character"))
stopifnot(nrow(nh) == 8591, length(unique(nh$SDMVSTRA)) == 15, all(nh$SDMVPSU %in% 1:3), length(unique(paste(nh$SDMVSTRA, nh$SDMVPSU))) == 31)
des <- svydesign(ids = ~SDMVPSU, strata = ~SDMVSTRA, weights = ~WTMEC2YR, nest = TRUE, data = nh)
stopifnot(degf(des) == 16)
by <- c("race", "agecat", "race*agecat")
nh$sat <- nh$HI_CHOL
des <- update(des, sat = nh$sat)
item_shares("nhanes", "", des, nh, "HI_CHOL", by, c("logit", "beta", "wald"))
nh$sat <- 1 - nh$HI_CHOL
des <- update(des, sat = nh$sat)
item_shares("nhanes-normal", "", des, nh, "HI_CHOL", by, c("logit", "beta"))

# Jackknife (JKn, a replicate per PSU). R's replicate designs take a domain's df from the rank of its
# replicate weights (15 for race 4 × 60+, where the domain's PSUs − strata give 8, sipas's df), so
# domain df and intervals are not compared; estimates and SEs are.
nh$sat <- nh$HI_CHOL
des <- update(des, sat = nh$sat)
jk <- as.svrepdesign(des, type = "JKn")
stopifnot(degf(jk) == 16)
item_shares("nhanes-jackknife", "--variance jackknife", jk, nh, "HI_CHOL", by, c("xlogit"), kg_domains = FALSE, df_domains = FALSE)

# Raking to margins of race and sex (population totals: the sample's weighted totals moved by a few
# per cent, as a census would differ from a sample), run to convergence.
tr <- svytotal(~factor(race), des); ts <- svytotal(~factor(RIAGENDR), des)
pop.race <- data.frame(race = 1:4, Freq = round(as.numeric(coef(tr)) * c(1.03, 0.97, 1.02, 0.99)))
pop.sex <- data.frame(RIAGENDR = 1:2, Freq = round(as.numeric(coef(ts)) * c(0.98, 1.02)))
pop.sex$Freq[2] <- sum(pop.race$Freq) - pop.sex$Freq[1]   # both margins describe one population
write.csv(data.frame(race = pop.race$race, population = pop.race$Freq), "margin-race.csv", row.names = FALSE, quote = FALSE)
write.csv(data.frame(RIAGENDR = pop.sex$RIAGENDR, population = pop.sex$Freq), "margin-sex.csv", row.names = FALSE, quote = FALSE)
rk <- rake(des, list(~race, ~RIAGENDR), list(pop.race, pop.sex), control = list(maxit = 100, epsilon = 1e-12))
stopifnot(same(sum(weights(rk)), sum(pop.race$Freq)))
# A calibrated design keeps every row in a subset (R sets the weights outside to 0), so nrow() and
# Korn–Graubard's n stay the whole file's: Korn–Graubard is compared for the whole sample only.
item_shares("nhanes-rake", "--calibrate margin-race.csv --calibrate margin-sex.csv", rk, nh, "HI_CHOL", by,
  c("logit", "beta", "wald"), kg_domains = FALSE)

# ---------------------------------------------------------------- YRBS
yr <- read.csv("yrbs.csv")
ydes <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = yr)
stopifnot(degf(ydes) == 41, degf(subset(ydes, !is.na(qn8))) == 39)
yr$sat <- ifelse(yr$qn8 == 1, 1, 0)
ydes <- update(ydes, sat = yr$sat)
item_shares("yrbs", "", ydes, yr, "qn8", character(0), c("logit", "beta", "wald"))

# ---------------------------------------------------------------- BEPS (simple random sample, 1–5 ratings)
bp <- read.csv("beps.csv", check.names = FALSE)
bdes <- svydesign(ids = ~1, weights = ~rep(1, nrow(bp)), data = bp)
stopifnot(degf(bdes) == nrow(bp) - 1, !anyNA(bp))
elements <- list(leaders = c("Blair", "Hague", "Kennedy"), economy = c("economic.cond.national", "economic.cond.household"))
items <- unlist(elements, use.names = FALSE)
for (it in items) {
  bp$sat <- as.numeric(bp[[it]] >= 4)
  b2 <- update(bdes, sat = bp$sat)
  item_shares("beps", "", b2, bp, it, c("gender", "vote"), c("logit", "beta", "wald"))
  # Mean score of the item.
  b2 <- update(bdes, y = bp[[it]])
  for (dom in domains(b2, bp, c("gender", "vote"))) {
    m <- svymean(~y, dom$sub); df <- degf(dom$sub)
    ci <- as.numeric(coef(m)) + c(-1, 1) * qt(0.975, df) * as.numeric(SE(m))
    add("beps", "", dom$gv, dom$gval, paste0("item:", it), "mean", "t", coef(m), SE(m), df, ci[1], ci[2], sum(dom$ind))
  }
}
# Roll-ups: elements are the mean of their items, the area and the overall index the mean of the elements.
ind <- sapply(items, function(it) as.numeric(bp[[it]] >= 4))
sc <- sapply(items, function(it) bp[[it]])
combo <- list(
  "element:leaders" = c(1, 1, 1, 0, 0) / 3, "element:economy" = c(0, 0, 0, 1, 1) / 2,
  "area:politics" = c(1 / 6, 1 / 6, 1 / 6, 1 / 4, 1 / 4), "overall" = c(1 / 6, 1 / 6, 1 / 6, 1 / 4, 1 / 4))
for (name in names(combo)) {
  b2 <- update(bdes, z = as.numeric(ind %*% combo[[name]]), s = as.numeric(sc %*% combo[[name]]))
  for (dom in domains(b2, bp, c("gender", "vote"))) {
    df <- degf(dom$sub)
    m <- svymean(~z, dom$sub); p <- as.numeric(coef(m)); se <- as.numeric(SE(m))
    ci <- xlogit_ci(p, se, df)
    add("beps", "", dom$gv, dom$gval, name, "share", "logit", p, se, df, ci[1], ci[2], sum(dom$ind))
    m <- svymean(~s, dom$sub)
    ci <- as.numeric(coef(m)) + c(-1, 1) * qt(0.975, df) * as.numeric(SE(m))
    add("beps", "", dom$gv, dom$gval, name, "mean", "t", coef(m), SE(m), df, ci[1], ci[2], sum(dom$ind))
  }
}

out <- do.call(rbind, rows)
write.csv(out, "reference.csv", row.names = FALSE, quote = FALSE)
cat(sprintf("reference.csv: %d rows; smallest share %.4g, largest %.6g\n", nrow(out),
  min(as.numeric(out$estimate[out$statistic == "share"])), max(as.numeric(out$estimate[out$statistic == "share"]))))
