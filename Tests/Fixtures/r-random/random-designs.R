# Random stratified cluster designs and R `survey`'s intervals on them, for sipas's property test
# (Tests/SIPASStatsTests/RandomDesignReferenceTests.swift). Regenerate:
#   cd Tests/Fixtures/r-random && Rscript random-designs.R
# Writes designs.csv (design, stratum, psu, weight, g, y) and reference.csv (design, group, ci_method,
# estimate, se, df, ci_low, ci_high, n), every number as sprintf("%.17g"); deterministic (set.seed).
#
# Each design: 1–6 strata of 2–5 PSUs whose codes 1, 2, … repeat in every stratum; 1–40 rows per PSU; a
# weight per PSU from 0.5 to 200; a domain g (two common levels by stratum, a rare one); an item y with
# codes 1–5 (4, 5 satisfied), 9 "don't know" and blanks, whose satisfied share leans to 0.2 %, 99.8 % or
# anywhere, and PSUs with no answer at all. Shares: svyciprop(~I(sat == 1), subset(des, g == v),
# method = m, na.rm = TRUE) for m = xlogit (sipas's logit), beta, mean (sipas's wald); df = degf() of
# the domain's rows. Domains whose share is 0 or 1 (to rounding), or that have no answer, are left out (R gives NaN
# there; sipas's exact edge interval is tested in ConfidenceIntervalTests).
suppressPackageStartupMessages(library(survey))
# R's qbeta warns, and is off by up to 0.09 in probability, when a shape is far below 1 (a share of
# 0.2 % on few answers): the quantile is then solved again from pbeta (TOMS 708, accurate) on the
# logit scale, in the smaller tail, to 1e-15.
qbeta_exact <- function(p, a, b) {
  q <- withCallingHandlers(qbeta(p, a, b), warning = function(w) invokeRestart("muffleWarning"))
  target <- if (p <= 0.5) log(p) else log1p(-p)
  tail <- function(t) pbeta(plogis(t), a, b, lower.tail = p <= 0.5, log.p = TRUE)
  if (abs(tail(qlogis(q)) - target) < 1e-12) return(q)
  g <- function(t) if (p <= 0.5) tail(t) - target else target - tail(t)
  plogis(uniroot(g, c(-740, 740), tol = 1e-15, maxiter = 10000)$root)
}
# svyciprop(method = "beta")'s Korn–Graubard limits, with qbeta_exact; equal to svyciprop's own where
# its qbeta is accurate (checked).
kg <- function(sub, m) {
  p <- as.numeric(coef(m)); v <- as.numeric(vcov(m))
  n.eff <- p * (1 - p) / v * (qt(0.025, nrow(sub) - 1) / qt(0.025, degf(sub)))^2
  ci <- c(qbeta_exact(0.025, n.eff * p, n.eff * (1 - p) + 1), qbeta_exact(0.975, n.eff * p + 1, n.eff * (1 - p)))
  r <- withCallingHandlers(attr(svyciprop(~I(sat == 1), sub, method = "beta", na.rm = TRUE), "ci"), warning = function(w) {
    warned <<- TRUE; invokeRestart("muffleWarning") })
  if (!warned) stopifnot(isTRUE(all.equal(as.numeric(r), ci, tolerance = 1e-12)))
  warned <<- FALSE
  ci
}
warned <- FALSE
options(survey.lonely.psu = "fail")
set.seed(20261206)
f <- function(x) sprintf("%.17g", x)
all_data <- list(); rows <- list()
for (k in 1:24) {
  H <- sample(1:6, 1)
  lean <- c(0.002, 0.998, runif(1))[sample(1:3, 1)]
  d <- do.call(rbind, lapply(seq_len(H), function(h) do.call(rbind, lapply(seq_len(sample(2:5, 1)), function(c) {
    m <- sample(1:40, 1)
    silent <- runif(1) < 0.15
    u <- runif(m)
    y <- ifelse(runif(m) < lean, sample(4:5, m, TRUE), sample(1:3, m, TRUE))
    y[u < 0.1] <- 9; y[u < 0.05] <- NA
    if (silent) y[] <- NA
    g <- ifelse(runif(m) < 0.05, "rare", if (h %% 2 == 0) "even" else "odd")
    data.frame(design = k, stratum = h, psu = c, weight = round(runif(1, 0.5, 200), 4), g = g, y = y)
  }))))
  all_data[[k]] <- d
  d$sat <- ifelse(!is.na(d$y) & d$y %in% 1:5, as.numeric(d$y >= 4), NA)
  des <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, nest = TRUE, data = d)
  for (v in c("", sort(unique(d$g)))) {
    sub <- if (v == "") des else subset(des, g == v)
    n <- sum(!is.na(sub$variables$sat))
    if (n == 0) next
    m <- svymean(~sat, sub, na.rm = TRUE); p <- as.numeric(coef(m))
    if (p <= 1e-12 || p >= 1 - 1e-12 || degf(sub) < 1) next   # 0 or 1 to rounding: every answer alike
    for (method in c("xlogit", "beta", "mean")) {
      ci <- if (method == "beta") kg(sub, m) else attr(svyciprop(~I(sat == 1), sub, method = method, na.rm = TRUE), "ci")
      rows[[length(rows) + 1]] <- data.frame(design = k, group = v,
        ci_method = c(xlogit = "logit", beta = "beta", mean = "wald")[[method]],
        estimate = f(p), se = f(as.numeric(SE(m))), df = degf(sub), ci_low = f(ci[1]), ci_high = f(ci[2]), n = n)
    }
  }
}
write.csv(do.call(rbind, all_data), "designs.csv", row.names = FALSE, quote = FALSE, na = "")
out <- do.call(rbind, rows)
write.csv(out, "reference.csv", row.names = FALSE, quote = FALSE)
writeLines(c(R.version.string, paste("survey", as.character(packageVersion("survey")))), "versions.txt")
cat(sprintf("%d designs, %d rows; %d reference values; shares %.4g–%.4g\n", length(all_data),
  sum(sapply(all_data, nrow)), nrow(out), min(as.numeric(out$estimate)), max(as.numeric(out$estimate))))
