# Reference values for sipas on its own shipped sample (SampleData/2024.csv, instrument sipas-2023),
# computed with R `survey`. Regenerate:  cd Tests/Fixtures/r-sampledata && Rscript reference.R
# Writes reference.csv: design,group,indicator,statistic,estimate,se,df,ci_low,ci_high (sprintf %.17g).
#
# Definitions (as sipas): codes 4–5 satisfied; 8 and 9 ("not applicable", "don't know") and blanks
# leave numerator and denominator; every estimate is a domain estimate on the full design
# svydesign(ids = ~commune_code, strata = ~province_code, weights = ~weight, nest = TRUE).
suppressPackageStartupMessages(library(survey))
d <- read.csv("../../../SampleData/2024.csv", colClasses = "character", na.strings = character(0))
d$weight <- as.numeric(d$weight)
des <- svydesign(ids = ~commune_code, strata = ~province_code, weights = ~weight, data = d, nest = TRUE)
f <- function(x) sprintf("%.17g", x)
rows <- list()
add <- function(group, indicator, statistic, est, se, df, lo = NA, hi = NA) {
  rows[[length(rows) + 1]] <<- data.frame(group = group, indicator = indicator, statistic = statistic,
    estimate = f(est), se = f(se), df = df, ci_low = f(lo), ci_high = f(hi))
}
code <- function(item) suppressWarnings(as.integer(d[[item]]))
valid <- function(item) { c <- code(item); !is.na(c) & c >= 1 & c <= 5 }
for (item in c("PAS_E1_c1", "PAS_E2_c3", "POL_health_quality")) {
  v <- valid(item); c <- code(item)
  des <- update(des, .num = as.numeric(v & c >= 4), .den = as.numeric(v), .code = ifelse(v, c, 0),
                .sat = ifelse(v, as.numeric(c >= 4), NA))
  # Share: svyratio on the full design, cross-checked with svymean(na.rm = TRUE). Unanswered items are
  # not a subpopulation: the df and the CI are svyciprop(na.rm = TRUE)'s, on every row of the domain.
  r <- svyratio(~.num, ~.den, des)
  m <- svymean(~.sat, des, na.rm = TRUE)
  stopifnot(isTRUE(all.equal(as.numeric(coef(r)), as.numeric(coef(m)))), isTRUE(all.equal(as.numeric(SE(r)), as.numeric(SE(m)))))
  ci <- svyciprop(~I(.sat == 1), des, method = "logit", na.rm = TRUE)
  add("all", paste0("item:", item), "share", coef(r), SE(r), degf(des), attr(ci, "ci")[1], attr(ci, "ci")[2])
  ms <- svyratio(~.code, ~.den, des)
  add("all", paste0("item:", item), "mean", coef(ms), SE(ms), degf(des),
      coef(ms) - qt(0.975, degf(des)) * SE(ms), coef(ms) + qt(0.975, degf(des)) * SE(ms))
  # By sector: domains on the full design.
  b <- svyby(~.num, ~sector, des, svyratio, denominator = ~.den)
  for (i in seq_len(nrow(b))) {
    s <- as.character(b$sector[i])
    add(paste0("sector=", s), paste0("item:", item), "share", b[i, 2], b[i, 3], degf(subset(des, sector == s)))
  }
}
# Element "access": the mean of its three content items, with their covariance (svyratio + svycontrast).
items <- c("PAS_E1_c1", "PAS_E1_c2", "PAS_E1_c3")
for (k in seq_along(items)) {
  v <- valid(items[k]); c <- code(items[k])
  d[[paste0("n", k)]] <- as.numeric(v & c >= 4); d[[paste0("d", k)]] <- as.numeric(v)
}
des2 <- svydesign(ids = ~commune_code, strata = ~province_code, weights = ~weight, data = d, nest = TRUE)
r <- svyratio(~n1 + n2 + n3, ~d1 + d2 + d3, des2, covmat = TRUE)
diag_idx <- c(1, 5, 9)   # n1/d1, n2/d2, n3/d3 among the 3 × 3 ratios
est <- as.numeric(coef(r))[diag_idx]
V <- vcov(r)[diag_idx, diag_idx]
w <- rep(1 / 3, 3)
add("all", "element:access", "share", sum(w * est), sqrt(as.numeric(t(w) %*% V %*% w)), degf(des2))
# National figure as the unweighted mean of the 63 provinces (rollup national: mean_of_units), for one item:
# svyby over provinces with their joint covariance, then the contrast with weights 1/63.
v <- valid("PAS_E1_c1"); c <- code("PAS_E1_c1")
des <- update(des, .num = as.numeric(v & c >= 4), .den = as.numeric(v))
b <- svyby(~.num, ~province_code, des, svyratio, denominator = ~.den, covmat = TRUE)
k <- nrow(b)
m <- svycontrast(b, rep(1 / k, k))
add("mean_of_provinces", "item:PAS_E1_c1", "share", coef(m), SE(m), degf(des))
out <- do.call(rbind, rows)
write.csv(out, "reference.csv", row.names = FALSE, quote = FALSE)
writeLines(c(R.version.string, paste("survey", packageVersion("survey"))), "versions.txt")
