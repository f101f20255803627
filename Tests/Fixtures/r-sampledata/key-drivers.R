# Reference for sipas's key drivers on SampleData/2024.csv (instrument sipas-2023), with R svyglm.
# Regenerate:  cd Tests/Fixtures/r-sampledata && Rscript key-drivers.R   (writes key-drivers.csv)
#
# y  = the respondent's overall satisfaction: the overall index's item weights (overall = mean of the two
#      areas, area = mean of its elements, element = mean of its content items) applied to their own
#      satisfied indicators (codes 4–5) over the items they answered validly (codes 1–5);
# xₑ = the respondent's mean code over the valid content items of element e (14 elements).
# Respondents missing any xₑ are left out; the model y ~ x₁ + … + x₁₄ is fitted with svyglm on
# svydesign(ids = ~commune_code, strata = ~province_code, weights = ~weight, nest = TRUE).
suppressPackageStartupMessages(library(survey))
d <- read.csv("../../../SampleData/2024.csv", colClasses = "character", na.strings = character(0))
d$weight <- as.numeric(d$weight)
groups <- c("econ", "health", "school", "water", "power", "security", "roads", "welfare", "par")
criteria <- c("participation", "quality", "implementation", "impact")
elements <- list()
for (g in groups) elements[[g]] <- paste0("POL_", g, "_", criteria)
services <- list(access = 3, procedures = 4, civil_servants = 4, results = 3, feedback = 3)
codes <- c(access = "E1", procedures = "E2", civil_servants = "E3", results = "E4", feedback = "E5")
for (e in names(services)) elements[[e]] <- paste0("PAS_", codes[[e]], "_c", seq_len(services[[e]]))
area_of <- c(rep("policy", length(groups)), rep("services", length(services)))
code <- function(item) { c <- suppressWarnings(as.integer(d[[item]])); ifelse(!is.na(c) & c >= 1 & c <= 5, c, NA) }
# Item weights of the overall index.
weight_of <- c()
for (k in seq_along(elements)) {
  n_elements <- sum(area_of == area_of[k])
  for (item in elements[[k]]) weight_of[item] <- 1 / 2 / n_elements / length(elements[[k]])
}
num <- 0; den <- 0
for (item in names(weight_of)) {
  c <- code(item); ok <- !is.na(c)
  num <- num + ifelse(ok, weight_of[[item]] * (c >= 4), 0); den <- den + ifelse(ok, weight_of[[item]], 0)
}
d$y <- ifelse(den > 0, num / den, NA)
for (k in seq_along(elements)) {
  m <- sapply(elements[[k]], code)
  d[[paste0("x_", names(elements)[k])]] <- rowMeans(m, na.rm = TRUE)
}
xs <- paste0("x_", names(elements))
keep <- complete.cases(d[, c("y", xs)])
des <- svydesign(ids = ~commune_code, strata = ~province_code, weights = ~weight, data = d, nest = TRUE)
fit <- svyglm(as.formula(paste("y ~", paste(xs, collapse = " + "))), subset(des, keep))
out <- data.frame(term = c("(Intercept)", sub("^x_", "", xs)), estimate = sprintf("%.17g", coef(fit)), se = sprintf("%.17g", SE(fit)))
write.csv(out, "key-drivers.csv", row.names = FALSE, quote = FALSE)
cat("used", sum(keep), "left out", sum(!keep), "\n")
