# Reference for sipas's agency ranking (`sipas analyze --by agency`) on land-2024.csv, with R survey.
# Regenerate:  cd Tests/Fixtures/agency && Rscript agencies.R   (writes agencies.csv)
# land-2024.csv: `sipas sample --instrument land-construction --year 2024 --rows 20000 --seed 27`,
# rows of provinces 01, 24 and 79 kept (3 strata, 6 communes each; synthetic agencies).
#
# Per agency (a domain of the full design svydesign(ids = ~commune_code, strata = ~province_code,
# weights = ~weight, nest = TRUE), via subset()): the overall index of instrument land-construction =
# mean of its 5 elements, each the mean of its items' satisfied shares (codes 4–5 over valid codes
# 1–5): a linear combination of 14 ratios, its SE from svyratio's joint covariance; df = degf of the
# domain; 95 % CI logit(p) ± t(df)·SE/(p(1 − p)), back-transformed; n = the agency's respondents.
# Ranking within each province: agencies with n ≥ 30 by estimate, highest first; `tied` when the CI
# overlaps the CI of the agency ranked just above or just below.
suppressPackageStartupMessages(library(survey))
d <- read.csv("land-2024.csv", colClasses = "character", na.strings = character(0))
d$weight <- as.numeric(d$weight)
elements <- list(c("LAND_A1", "LAND_A2", "LAND_A3"), c("LAND_B1", "LAND_B2", "LAND_B3", "LAND_B4"),
                 c("LAND_C1", "LAND_C2", "LAND_C3"), c("LAND_D1", "LAND_D2"), c("LAND_E1", "LAND_E2"))
items <- unlist(elements)
w <- unlist(lapply(elements, function(e) rep(1 / length(elements) / length(e), length(e))))
for (k in seq_along(items)) {
  c <- suppressWarnings(as.integer(d[[items[k]]])); v <- !is.na(c) & c >= 1 & c <= 5
  d[[paste0("n", k)]] <- as.numeric(v & c >= 4); d[[paste0("d", k)]] <- as.numeric(v)
}
des <- svydesign(ids = ~commune_code, strata = ~province_code, weights = ~weight, data = d, nest = TRUE)
num <- as.formula(paste("~", paste0("n", seq_along(items), collapse = " + ")))
den <- as.formula(paste("~", paste0("d", seq_along(items), collapse = " + ")))
k <- length(items); diag_idx <- (seq_len(k) - 1) * k + seq_len(k)
agencies <- unique(d[, c("province_code", "agency_code", "agency_name")])
out <- NULL
for (a in seq_len(nrow(agencies))) {
  code <- agencies$agency_code[a]
  sub <- subset(des, agency_code == code)
  r <- svyratio(num, den, sub, covmat = TRUE)
  est <- sum(w * as.numeric(coef(r))[diag_idx])
  V <- vcov(r)[diag_idx, diag_idx]
  se <- sqrt(as.numeric(t(w) %*% V %*% w))
  df <- degf(sub)
  half <- qt(0.975, df) * se / (est * (1 - est))
  lo <- plogis(qlogis(est) - half); hi <- plogis(qlogis(est) + half)
  out <- rbind(out, data.frame(province_code = agencies$province_code[a], agency_code = code, agency_name = agencies$agency_name[a],
                               n = sum(d$agency_code == code), estimate = est, se = se, df = df, ci_low = lo, ci_high = hi))
}
out$rank <- NA; out$ranked <- NA; out$tied <- FALSE
for (p in unique(out$province_code)) {
  idx <- which(out$province_code == p & out$n >= 30)
  idx <- idx[order(-out$estimate[idx], out$agency_code[idx])]
  out$rank[idx] <- seq_along(idx)
  out$ranked[out$province_code == p] <- length(idx)
  for (i in seq_along(idx)) {
    overlaps <- function(x, y) out$ci_low[x] <= out$ci_high[y] && out$ci_low[y] <= out$ci_high[x]
    out$tied[idx[i]] <- (i > 1 && overlaps(idx[i - 1], idx[i])) || (i < length(idx) && overlaps(idx[i], idx[i + 1]))
  }
}
out <- out[order(out$province_code, out$agency_code), ]
f <- function(x) sprintf("%.17g", x)
for (col in c("estimate", "se", "ci_low", "ci_high")) out[[col]] <- f(out[[col]])
out$agency_name <- paste0('"', out$agency_name, '"')
write.csv(out, "agencies.csv", row.names = FALSE, quote = FALSE, na = "")
cat(nrow(out), "agencies,", sum(!is.na(out$rank)), "ranked\n")
