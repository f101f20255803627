# Reference values for sipas compare (issue: year over year, across the 2025 province merger).
# Regenerate:  cd Tests/Fixtures/r-sampledata && Rscript merger-and-change.R   (writes merger-and-change.csv)
#
# 1. Regrouping: SampleData/2024.csv's 63 provinces mapped to the 34 provinces of 1 July 2025 through the
#    official crosswalk (Sources/SIPASCore/Resources/vn-provinces-2025.csv); the old provinces stay the
#    strata, the new province is a domain: svyby(~num, ~new_code, svyratio) on the full design.
# 2. Change between two years, independently of sipas's formula: both files stacked into one design with
#    strata = year × province, svyby over year with covmat = TRUE, svycontrast(c(-1, 1)), and the t test on
#    the stacked design's degf.
suppressPackageStartupMessages(library(survey))
f <- function(x) sprintf("%.17g", x)
read_year <- function(path) {
  d <- read.csv(path, colClasses = "character", na.strings = character(0))
  d$weight <- as.numeric(d$weight)
  c <- suppressWarnings(as.integer(d$PAS_E1_c1))
  v <- !is.na(c) & c >= 1 & c <= 5
  d$num <- as.numeric(v & c >= 4); d$den <- as.numeric(v)
  d
}
rows <- list()
add <- function(kind, group, estimate, se, df, p = NA) {
  rows[[length(rows) + 1]] <<- data.frame(kind = kind, group = group, estimate = f(estimate), se = f(se), df = df, p = f(p))
}
crosswalk <- read.csv("../../../Sources/SIPASCore/Resources/vn-provinces-2025.csv", colClasses = "character")
d24 <- read_year("../../../SampleData/2024.csv")
d24$new_code <- crosswalk$new_code[match(d24$province_code, crosswalk$old_code)]
stopifnot(!any(is.na(d24$new_code)))
des <- svydesign(ids = ~commune_code, strata = ~province_code, weights = ~weight, data = d24, nest = TRUE)
b <- svyby(~num, ~new_code, des, svyratio, denominator = ~den)
for (i in seq_len(nrow(b))) {
  code <- as.character(b$new_code[i])
  add("regrouped", code, b[i, 2], b[i, 3], degf(subset(des, new_code == code)))
}
# Change 2023 → 2024 of the pooled share of PAS_E1_c1.
d23 <- read_year("../../../SampleData/2023.csv")
cols <- c("year", "province_code", "commune_code", "weight", "num", "den")
stacked <- rbind(d23[, cols], d24[, cols])
stacked$stratum <- paste(stacked$year, stacked$province_code)
stacked$psu <- paste(stacked$year, stacked$commune_code)
sdes <- svydesign(ids = ~psu, strata = ~stratum, weights = ~weight, data = stacked, nest = TRUE)
by_year <- svyby(~num, ~year, sdes, svyratio, denominator = ~den, covmat = TRUE)
change <- svycontrast(by_year, c(-1, 1))
df <- degf(sdes)
t <- as.numeric(coef(change)) / as.numeric(SE(change))
add("change", "2023-2024", coef(change), SE(change), df, 2 * pt(-abs(t), df))
write.csv(do.call(rbind, rows), "merger-and-change.csv", row.names = FALSE, quote = FALSE)
