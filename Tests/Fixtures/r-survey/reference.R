# Reference values for sipas from R `survey`, on sample.csv (made by design-data.R).
# Regenerate:  cd Tests/Fixtures/r-survey && Rscript design-data.R && Rscript reference.R
# Writes reference.csv (plain CSV, every number as sprintf("%.17g")) and versions.txt.
#
# Columns: group_var,group_value,indicator,statistic,estimate,se,df,ci_low,ci_high,n
#   group_var   ""  (whole sample) | sector | province_code | national_mean_of_provinces
#   indicator   item:s1..item:s4 | element:a (s1,s2) | element:b (s3,s4) | overall (s1..s4)
#   statistic   share | mean | share_ci_xlogit | share_ci_beta
#
# Definitions (see README.md):
#   valid_k = code in 1..5 (9 = don't know and blank leave numerator AND denominator)
#   num_k = 1[valid_k & code >= 4], den_k = 1[valid_k], cv_k = code * valid_k (0 when not valid)
#   item share = svyratio(~num_k, ~den_k) on the FULL design (domains: num_k, den_k set to 0
#   outside the domain), item mean = svyratio(~cv_k, ~den_k).
#   element / overall = equal-weight means of the item ratios; SE from the joint covariance of
#   the item ratios (svyratio(..., covmat = TRUE)) and svycontrast.
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "fail", survey.adjust.domain.lonely = FALSE)

d <- read.csv("sample.csv", encoding = "UTF-8", na.strings = "",
  colClasses = c(form_id = "integer", year = "integer", province_code = "character",
    province_name = "character", commune_code = "character", weight = "numeric",
    sector = "character", s1 = "integer", s2 = "integer", s3 = "integer", s4 = "integer"))
stopifnot(nrow(d) > 0, all(nchar(d$province_code) == 2), all(nchar(d$commune_code) == 5))

items <- c("s1", "s2", "s3", "s4")
K <- length(items)
for (k in seq_len(K)) {
  code <- d[[items[k]]]
  valid <- !is.na(code) & code >= 1 & code <= 5
  d[[paste0("num", k)]] <- as.numeric(valid & code >= 4)
  d[[paste0("den", k)]] <- as.numeric(valid)
  d[[paste0("cv", k)]] <- ifelse(valid, code, 0)
  d[[paste0("sat", k)]] <- ifelse(valid, as.numeric(code >= 4), NA_real_)
}

des <- svydesign(ids = ~commune_code, strata = ~province_code, weights = ~weight, data = d, nest = TRUE)
w <- weights(des)
df_all <- degf(des)
stopifnot(df_all == 14 - 4)

# ---------------------------------------------------------------- output helpers
f <- function(x) if (length(x) == 0 || is.na(x)) "" else sprintf("%.17g", x)
rows <- list()
add <- function(group_var, group_value, indicator, statistic, est, se, df, lo, hi, n) {
  rows[[length(rows) + 1]] <<- data.frame(group_var = group_var, group_value = group_value,
    indicator = indicator, statistic = statistic, estimate = f(est), se = f(se), df = f(df),
    ci_low = f(lo), ci_high = f(hi), n = f(n), stringsAsFactors = FALSE)
}
same <- function(a, b, tol = 1e-10) isTRUE(all.equal(as.numeric(a), as.numeric(b), tolerance = tol))
expit <- function(x) 1 / (1 + exp(-x))
# Logit-transformed Wald CI with t(df): the closed form of svyciprop(method = "xlogit").
xlogit_ci <- function(p, se, df) {
  h <- qt(0.975, df) * se / (p * (1 - p))
  expit(log(p / (1 - p)) + c(-1, 1) * h)
}
t_ci <- function(m, se, df) m + c(-1, 1) * qt(0.975, df) * se
checks <- character(0)
note <- function(...) checks <<- c(checks, sprintf(...))
max_logit_diff <- 0

# ---------------------------------------------------------------- roll-up on a domain
# ind: logical domain indicator over all rows (TRUE everywhere = whole sample). Returns the four
# item ratios (share or mean) and their 4 x 4 covariance, computed on the full design.
rollup <- function(ind, stat = c("share", "mean")) {
  stat <- match.arg(stat)
  num <- sapply(seq_len(K), function(k) (if (stat == "share") d[[paste0("num", k)]] else d[[paste0("cv", k)]]) * ind)
  den <- sapply(seq_len(K), function(k) d[[paste0("den", k)]] * ind)
  colnames(num) <- paste0("N", 1:K); colnames(den) <- paste0("D", 1:K)
  dd <- des
  for (k in 1:K) { dd$variables[[paste0("N", k)]] <- num[, k]; dd$variables[[paste0("D", k)]] <- den[, k] }
  r <- svyratio(~N1 + N2 + N3 + N4, ~D1 + D2 + D3 + D4, dd, covmat = TRUE)
  nm <- paste0("N", 1:K, "/D", 1:K)          # the 4 diagonal ratios among the 16 pairs
  est <- coef(r)[nm]; V <- vcov(r)[nm, nm]
  # Cross-check 1: linearise by hand, u_k = ind * (num_k - r_k den_k) / sum(w den_k), then svytotal.
  U <- sapply(1:K, function(k) (num[, k] - est[k] * den[, k]) / sum(w * den[, k]))
  colnames(U) <- paste0("U", 1:K)
  for (k in 1:K) dd$variables[[paste0("U", k)]] <- U[, k]
  tU <- svytotal(~U1 + U2 + U3 + U4, dd)
  stopifnot(same(vcov(tU), V), same(coef(tU), rep(0, K)) || max(abs(coef(tU))) < 1e-9)
  # Cross-check 2: each diagonal ratio alone (svyratio with one numerator and one denominator).
  for (k in 1:K) {
    rk <- svyratio(as.formula(paste0("~N", k)), as.formula(paste0("~D", k)), dd)
    stopifnot(same(coef(rk), est[k]), same(SE(rk), sqrt(V[k, k])))
  }
  list(r = r, est = est, V = V, U = U, dd = dd, nm = nm)
}

contrasts <- list(
  "element:a" = c(1 / 2, 1 / 2, 0, 0),
  "element:b" = c(0, 0, 1 / 2, 1 / 2),
  "overall"   = c(1 / 4, 1 / 4, 1 / 4, 1 / 4)
)
# Linear combination of the item ratios: svycontrast on the svyratio object (16 ratios, weights on
# the 4 diagonal ones), checked against svytotal of the combined influence variable.
combine <- function(ru, cw) {
  full <- setNames(rep(0, length(coef(ru$r))), names(coef(ru$r)))
  full[ru$nm] <- cw
  sc <- svycontrast(ru$r, full)
  est <- sum(cw * ru$est); se <- sqrt(as.numeric(t(cw) %*% ru$V %*% cw))
  dd <- ru$dd
  dd$variables$.Z <- as.numeric(ru$U %*% cw)
  tz <- svytotal(~.Z, dd)
  stopifnot(same(coef(sc), est), same(SE(sc), se), same(SE(tz), se))
  c(est = est, se = se)
}

# ---------------------------------------------------------------- 1. items, whole sample
for (k in seq_len(K)) {
  item <- paste0("item:", items[k])
  satf <- as.formula(paste0("~sat", k))
  # Missing and "don't know" answers are not a subpopulation: svyciprop(na.rm = TRUE) on the design
  # itself, whose degf() and nrow() count every row, answered or not.
  sub <- des
  df_k <- degf(sub)
  n_k <- sum(d[[paste0("den", k)]])
  r <- svyratio(as.formula(paste0("~num", k)), as.formula(paste0("~den", k)), des)
  m <- svymean(satf, sub, na.rm = TRUE)
  stopifnot(same(coef(r), coef(m)), same(SE(r), SE(m)), df_k == df_all)
  p <- as.numeric(coef(r)); se <- as.numeric(SE(r))
  ciformula <- as.formula(paste0("~I(sat", k, " == 1)"))
  cl <- svyciprop(ciformula, sub, method = "logit", na.rm = TRUE)
  cx <- svyciprop(ciformula, sub, method = "xlogit", na.rm = TRUE)
  cb <- svyciprop(ciformula, sub, method = "beta", na.rm = TRUE)
  # svyciprop's estimate and SE are the ratio's; its df is degf() of the design it is given.
  stopifnot(same(cx, p), same(sqrt(attr(cx, "var")), se), same(cb, p), same(coef(cl), p, 1e-8))
  stopifnot(same(attr(cx, "ci"), xlogit_ci(p, se, df_k)))
  max_logit_diff <- max(max_logit_diff, abs(attr(cl, "ci") - attr(cx, "ci")) / attr(cx, "ci"))
  add("", "", item, "share", p, se, df_k, attr(cl, "ci")[1], attr(cl, "ci")[2], n_k)
  add("", "", item, "share_ci_xlogit", p, se, df_k, attr(cx, "ci")[1], attr(cx, "ci")[2], n_k)
  add("", "", item, "share_ci_beta", p, se, df_k, attr(cb, "ci")[1], attr(cb, "ci")[2], n_k)
  ms <- svyratio(as.formula(paste0("~cv", k)), as.formula(paste0("~den", k)), des)
  mm <- svymean(as.formula(paste0("~", items[k])), subset(des, !is.na(d[[paste0("sat", k)]])))
  stopifnot(same(coef(ms), coef(mm)), same(SE(ms), SE(mm)))
  ci <- t_ci(as.numeric(coef(ms)), as.numeric(SE(ms)), df_k)
  add("", "", item, "mean", coef(ms), SE(ms), df_k, ci[1], ci[2], n_k)
}

# ---------------------------------------------------------------- 2. elements and overall, whole sample
all_rows <- rep(TRUE, nrow(d))
for (stat in c("share", "mean")) {
  ru <- rollup(all_rows, stat)
  # The diagonal ratios equal the item rows above.
  for (k in 1:K) stopifnot(same(ru$est[k], coef(svyratio(as.formula(paste0("~", if (stat == "share") "num" else "cv", k)),
    as.formula(paste0("~den", k)), des))))
  for (ind in names(contrasts)) {
    v <- combine(ru, contrasts[[ind]])
    ci <- if (stat == "share") xlogit_ci(v[["est"]], v[["se"]], df_all) else t_ci(v[["est"]], v[["se"]], df_all)
    add("", "", ind, stat, v[["est"]], v[["se"]], df_all, ci[1], ci[2], nrow(d))
  }
}

# ---------------------------------------------------------------- 3. by sector
# Domain estimates on the full design: zero influence outside the domain.
sectors <- sort(unique(d$sector))
by_items <- lapply(seq_len(K), function(k)
  svyby(as.formula(paste0("~num", k)), ~sector, des, svyratio, denominator = as.formula(paste0("~den", k))))
by_ci <- lapply(seq_len(K), function(k)
  svyby(as.formula(paste0("~I(sat", k, " == 1)")), ~sector, des, svyciprop, vartype = "ci", method = "xlogit", na.rm = TRUE))
# Element/overall per sector via svyby(svytotal, covmat = TRUE) + a nonlinear svycontrast (delta method).
tot_by_sector <- svyby(~num1 + num2 + num3 + num4 + den1 + den2 + den3 + den4, ~sector, des, svytotal, covmat = TRUE)
for (s in sectors) {
  ind <- d$sector == s
  ru <- rollup(ind, "share")
  for (k in seq_len(K)) {
    sub <- subset(des, sector == s)
    df_k <- degf(sub)
    n_k <- sum(d[[paste0("den", k)]] * ind)
    p <- ru$est[[k]]; se <- sqrt(ru$V[k, k])
    m <- svymean(as.formula(paste0("~sat", k)), sub, na.rm = TRUE)
    stopifnot(same(coef(m), p), same(SE(m), se), nrow(sub) == sum(ind))
    stopifnot(same(by_items[[k]][s, 2], p), same(by_items[[k]][s, 3], se))
    ciformula <- as.formula(paste0("~I(sat", k, " == 1)"))
    cl <- svyciprop(ciformula, sub, method = "logit", na.rm = TRUE)
    cx <- svyciprop(ciformula, sub, method = "xlogit", na.rm = TRUE)
    cb <- svyciprop(ciformula, sub, method = "beta", na.rm = TRUE)
    stopifnot(same(attr(cx, "ci"), xlogit_ci(p, se, df_k)))
    max_logit_diff <- max(max_logit_diff, abs(attr(cl, "ci") - attr(cx, "ci")) / attr(cx, "ci"))
    # svyby(svyciprop, na.rm = TRUE) uses the df of the sector's rows too.
    stopifnot(same(by_ci[[k]][s, "ci_l"], attr(cx, "ci")[1]), same(by_ci[[k]][s, "ci_u"], attr(cx, "ci")[2]))
    item <- paste0("item:", items[k])
    add("sector", s, item, "share", p, se, df_k, attr(cl, "ci")[1], attr(cl, "ci")[2], n_k)
    add("sector", s, item, "share_ci_xlogit", p, se, df_k, attr(cx, "ci")[1], attr(cx, "ci")[2], n_k)
    add("sector", s, item, "share_ci_beta", p, se, df_k, attr(cb, "ci")[1], attr(cb, "ci")[2], n_k)
  }
  df_s <- degf(subset(des, sector == s))
  for (ind_name in names(contrasts)) {
    cw <- contrasts[[ind_name]]
    v <- combine(ru, cw)
    # svyby + svycontrast cross-check: sum_k cw_k * total(num_k)/total(den_k) in this sector.
    expr <- parse(text = paste(sprintf("%.17g * `%s:num%d` / `%s:den%d`", cw, s, 1:K, s, 1:K), collapse = " + "))[[1]]
    sc <- svycontrast(tot_by_sector, expr)
    stopifnot(same(coef(sc), v[["est"]]), same(SE(sc), v[["se"]]))
    ci <- xlogit_ci(v[["est"]], v[["se"]], df_s)
    add("sector", s, ind_name, "share", v[["est"]], v[["se"]], df_s, ci[1], ci[2], sum(ind))
  }
}

# ---------------------------------------------------------------- 4. by province, and the mean of provinces
provs <- sort(unique(d$province_code))
tot_by_prov <- svyby(~num1 + num2 + num3 + num4 + den1 + den2 + den3 + den4, ~province_code, des, svytotal, covmat = TRUE)
Zp <- matrix(0, nrow(d), length(provs))
prov_est <- numeric(0); prov_se <- numeric(0)
for (j in seq_along(provs)) {
  pc <- provs[j]
  ind <- d$province_code == pc
  ru <- rollup(ind, "share")
  v <- combine(ru, contrasts$overall)
  expr <- parse(text = paste(sprintf("0.25 * `%s:num%d` / `%s:den%d`", pc, 1:K, pc, 1:K), collapse = " + "))[[1]]
  sc <- svycontrast(tot_by_prov, expr)
  stopifnot(same(coef(sc), v[["est"]]), same(SE(sc), v[["se"]]))
  df_p <- degf(subset(des, province_code == pc))
  ci <- xlogit_ci(v[["est"]], v[["se"]], df_p)
  add("province_code", pc, "overall", "share", v[["est"]], v[["se"]], df_p, ci[1], ci[2], sum(ind))
  Zp[, j] <- as.numeric(ru$U %*% contrasts$overall)
  prov_est[j] <- v[["est"]]; prov_se[j] <- v[["se"]]
}
# Unweighted mean of the 4 provincial overall indices: (1) influence variable sum_p Z_p / 4 on the
# full design; (2) svyby(svytotal, covmat = TRUE) + nonlinear svycontrast; (3) strata are independent,
# so SE = sqrt(sum SE_p^2) / 4.
mp_est <- mean(prov_est)
dz <- des; dz$variables$.Z <- as.numeric(Zp %*% rep(1 / length(provs), length(provs)))
mp_se <- as.numeric(SE(svytotal(~.Z, dz)))
expr <- parse(text = paste(sprintf("0.0625 * `%s:num%d` / `%s:den%d`", rep(provs, each = K), rep(1:K, length(provs)),
  rep(provs, each = K), rep(1:K, length(provs))), collapse = " + "))[[1]]
sc <- svycontrast(tot_by_prov, expr)
stopifnot(same(coef(sc), mp_est), same(SE(sc), mp_se), same(sqrt(sum(prov_se^2)) / length(provs), mp_se))
ci <- xlogit_ci(mp_est, mp_se, df_all)
add("national_mean_of_provinces", "", "overall", "share", mp_est, mp_se, df_all, ci[1], ci[2], nrow(d))

# ---------------------------------------------------------------- notes on survey 4.1-1 (printed, not written)
# svyby(covmat = TRUE) on a survey.design2 stacks the groups' influence functions, so the covariance
# between sectors (which share communes) is right: check it against the full-design influence.
b1 <- svyby(~num1, ~sector, des, svyratio, denominator = ~den1, covmat = TRUE)
Zs <- sapply(sectors, function(s) { ru <- rollup(d$sector == s, "share"); ru$U[, 1] })
colnames(Zs) <- paste0("Z", seq_along(sectors))
dz <- des; for (j in seq_along(sectors)) dz$variables[[colnames(Zs)[j]]] <- Zs[, j]
Vtrue <- vcov(svytotal(as.formula(paste("~", paste(colnames(Zs), collapse = "+"))), dz))
stopifnot(same(vcov(b1), Vtrue))
note("s1 share by sector: svyby(covmat=TRUE) covariances between sectors %s = full-design influence",
  paste(signif(Vtrue[upper.tri(Vtrue)], 4), collapse = ", "))
# But svyby(svyratio with several numerators/denominators, covmat = TRUE) fails in 4.1-1: svyratio's
# "influence" attribute holds only the last numerator/denominator pair.
e <- tryCatch({ svyby(~num1 + num2, ~sector, des, svyratio, denominator = ~den1 + den2, covmat = TRUE); "no error" },
  error = function(e) conditionMessage(e))
note("svyby(~num1+num2, ~sector, svyratio, denominator=~den1+den2, covmat=TRUE): %s", e)
note("largest relative difference between svyciprop logit (svyglm) and xlogit (closed form) CI limits: %.3g", max_logit_diff)
for (s in sectors) for (k in 1:K)
  note("sector %s item s%d: degf(subset(sector)) = %d (used), degf(subset(sector & valid)) = %d (a subpopulation of answers, not used)",
    s, k, degf(subset(des, sector == s)), degf(subset(des, sector == s & !is.na(d[[paste0("sat", k)]]))))

out <- do.call(rbind, rows)
write.csv(out, "reference.csv", row.names = FALSE, quote = FALSE)
writeLines(c(R.version.string, paste("survey", as.character(packageVersion("survey")))), "versions.txt")
cat(checks, sep = "\n")
cat(sprintf("reference.csv: %d rows; all cross-checks passed\n", nrow(out)))
