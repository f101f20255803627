# Peer for BENCHMARKS.md: R survey's design-based share satisfied per item and sector, with SEs.
# Design as the land-construction instrument declares it: strata province_code, clusters
# commune_code (nested), weights weight; codes 4-5 satisfied, 8-9 and blanks excluded (a domain
# on the full design, as sipas does). Usage: Rscript r_survey.R FILE.csv OUT.csv
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
data <- read.csv(args[1], colClasses = c(province_code = "character", commune_code = "character"))
items <- grep("^LAND_", names(data), value = TRUE)
items <- setdiff(items, "LAND_visits")
design <- svydesign(ids = ~commune_code, strata = ~province_code, weights = ~weight, nest = TRUE, data = data)
out <- do.call(rbind, lapply(items, function(item) {
  x <- data[[item]]
  design <- update(design, sat = as.numeric(x %in% 4:5), valid = !is.na(x) & x >= 1 & x <= 5)
  by <- svyby(~sat, ~sector, subset(design, valid), svymean)
  data.frame(sector = by$sector, item = item, share = 100 * by$sat, se = 100 * SE(by))
}))
write.csv(out[order(out$item, out$sector), ], args[2], row.names = FALSE)
