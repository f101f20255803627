# Reference for sipas's key drivers on SampleData/land-construction-2024.csv (instrument
# land-construction), with R svyglm.
# Regenerate:  cd Tests/Fixtures/r-sampledata && Rscript key-drivers.R   (writes key-drivers.csv)
#
# y  = 1 when the respondent's answer to the dedicated overall question LAND_overall (role overall,
#      the instrument's key-driver outcome) is satisfied (codes 4–5), 0 for another valid code (1–3);
#      codes 8, 9 and blanks leave the respondent out. The overall index is NOT the outcome: it is
#      built from the predictors' own items.
# xₑ = the respondent's mean code over the valid content items (codes 1–5) of element e (5 elements).
# Respondents missing y or any xₑ are left out; the model y ~ x₁ + … + x₅ is fitted with svyglm on
# svydesign(ids = ~commune_code, strata = ~province_code, weights = ~weight, nest = TRUE).
# The last two rows give the respondents used and left out (in the estimate column).
suppressPackageStartupMessages(library(survey))
d <- read.csv("../../../SampleData/land-construction-2024.csv", colClasses = "character", na.strings = character(0))
d$weight <- as.numeric(d$weight)
elements <- list(access = c("LAND_A1", "LAND_A2", "LAND_A3"), procedures = c("LAND_B1", "LAND_B2", "LAND_B3", "LAND_B4"),
                 civil_servants = c("LAND_C1", "LAND_C2", "LAND_C3"), results = c("LAND_D1", "LAND_D2"),
                 feedback = c("LAND_E1", "LAND_E2"))
code <- function(item) { c <- suppressWarnings(as.integer(d[[item]])); ifelse(!is.na(c) & c >= 1 & c <= 5, c, NA) }
outcome <- code("LAND_overall")
d$y <- ifelse(is.na(outcome), NA, as.numeric(outcome >= 4))
for (e in names(elements)) {
  m <- sapply(elements[[e]], code)
  d[[paste0("x_", e)]] <- rowMeans(m, na.rm = TRUE)
}
xs <- paste0("x_", names(elements))
keep <- complete.cases(d[, c("y", xs)])
des <- svydesign(ids = ~commune_code, strata = ~province_code, weights = ~weight, data = d, nest = TRUE)
fit <- svyglm(as.formula(paste("y ~", paste(xs, collapse = " + "))), subset(des, keep))
out <- data.frame(term = c("(Intercept)", sub("^x_", "", xs), "n_used", "n_left_out"),
                  estimate = c(sprintf("%.17g", coef(fit)), sum(keep), sum(!keep)),
                  se = c(sprintf("%.17g", SE(fit)), "NA", "NA"))
write.csv(out, "key-drivers.csv", row.names = FALSE, quote = FALSE)
cat("used", sum(keep), "left out", sum(!keep), "\n")
