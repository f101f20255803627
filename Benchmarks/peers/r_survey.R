# Peer for BENCHMARKS.md: R survey's design-based share satisfied per item and sector, with SEs.
# Design as the instrument declares it: strata province_code, clusters CLUSTER (nested), weights
# weight; codes 4-5 satisfied, 8-9 and blanks excluded (a domain on the full design, as sipas does).
# Usage: Rscript r_survey.R FILE.csv OUT.csv CLUSTER ITEM,ITEM,...
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
cluster <- args[3]
items <- strsplit(args[4], ",")[[1]]
classes <- c(province_code = "character")
classes[cluster] <- "character"
data <- read.csv(args[1], colClasses = classes)
design <- svydesign(ids = as.formula(paste0("~", cluster)), strata = ~province_code, weights = ~weight, nest = TRUE, data = data)
out <- do.call(rbind, lapply(items, function(item) {
  x <- data[[item]]
  design <- update(design, sat = as.numeric(x %in% 4:5), valid = !is.na(x) & x >= 1 & x <= 5)
  by <- svyby(~sat, ~sector, subset(design, valid), svymean)
  data.frame(sector = by$sector, item = item, share = 100 * by$sat, se = 100 * SE(by))
}))
write.csv(out[order(out$item, out$sector), ], args[2], row.names = FALSE)
