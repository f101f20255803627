# Reference values for the perception table (sipas's PerceptionResults), from R `survey`:
# for each perception question x and each of its answers c,
#   svyciprop(~I(x == c), design, na.rm = TRUE, method = "xlogit")
# (a select_multiple answer: ~I(grepl("(^| )c( |$)", x)) over the rows that answered), with its SE,
# df = degf(design) of the full design, and the 95 % logit limits.
# Writes perception.csv (and apiclus2.csv, the api data with a 0/1 copy of sch.wide).
# Run from this folder: Rscript perception.R   (R 4.2.2, survey 4.1-1; deterministic)
suppressPackageStartupMessages(library(survey))
options(survey.lonely.psu = "fail")

rows <- list()
shares <- function(case, des, data, question, codes, multiple = FALSE) {
  x <- data[[question]]
  answered <- !is.na(x) & x != ""
  for (code in codes) {
    hit <- if (multiple) grepl(paste0("(^| )", code, "( |$)"), x) else x == code
    hit[!answered] <- NA
    des2 <- update(des, .hit = as.numeric(hit))
    ci <- svyciprop(~.hit, des2, na.rm = TRUE, method = "xlogit")
    se <- SE(svymean(~.hit, des2, na.rm = TRUE))
    lim <- attr(ci, "ci")
    rows[[length(rows) + 1]] <<- data.frame(
      case = case, question = question, code = code, estimate = sprintf("%.17g", as.numeric(ci)),
      se = sprintf("%.17g", as.numeric(se)), df = degf(des), ci_low = sprintf("%.17g", lim[1]),
      ci_high = sprintf("%.17g", lim[2]), n = sum(hit, na.rm = TRUE), answered = sum(answered))
  }
}

# NHANES (real data): race and sex.
nh <- read.csv("../r-real/nhanes.csv", colClasses = c(agecat = "character"))
nhd <- svydesign(ids = ~SDMVPSU, strata = ~SDMVSTRA, weights = ~WTMEC2YR, nest = TRUE, data = nh)
shares("nhanes", nhd, nh, "race", as.character(1:4))
shares("nhanes", nhd, nh, "RIAGENDR", c("1", "2"))

# apiclus2: two stages with fpc at both.
data(api)
ap <- apiclus2[, c("dnum", "snum", "pw", "fpc1", "fpc2", "stype", "sch.wide")]
ap$stype <- as.character(ap$stype); ap$sch.wide <- as.character(ap$sch.wide)
ap$schwide01 <- ifelse(ap$sch.wide == "Yes", 1, 0)
write.csv(ap, "apiclus2.csv", row.names = FALSE)
apd <- svydesign(ids = ~dnum + snum, fpc = ~fpc1 + fpc2, weights = ~pw, data = ap)
shares("apiclus2", apd, ap, "stype", c("E", "M", "H"))
shares("apiclus2", apd, ap, "sch.wide", c("Yes", "No"))

# SampleData/2024.csv (sipas-2023): interest in nine policy groups, harassment and its follow-up
# (asked only after some harassment, so mostly blank, and blank in whole communes).
sd <- read.csv("../../../SampleData/2024.csv", colClasses = "character")
sd$weight <- as.numeric(sd$weight)
sdd <- svydesign(ids = ~commune_code, strata = ~province_code, weights = ~weight, nest = TRUE, data = sd)
for (q in c(paste0("POL_interest_", c("econ", "health", "school", "water", "power", "security", "roads", "welfare", "par"))))
  shares("sipas-2024", sdd, sd, q, c("1", "2", "3"))
shares("sipas-2024", sdd, sd, "PERC_harass", c("1", "2", "3"))
shares("sipas-2024", sdd, sd, "PERC_harass_report", c("1", "2"))

# sipas-2017 sample (sipas-2017.csv: `sipas sample --instrument sipas-2017 --rows 1500 --seed 2017`):
# what to improve, a select_multiple.
s17 <- read.csv("sipas-2017.csv", colClasses = "character")
s17$weight <- as.numeric(s17$weight)
s17d <- svydesign(ids = ~commune_code, strata = ~province_code, weights = ~weight, nest = TRUE, data = s17)
improve <- sort(unique(unlist(strsplit(s17$NEED_improve[s17$NEED_improve != ""], " "))))
shares("sipas-2017", s17d, s17, "NEED_improve", improve, multiple = TRUE)
shares("sipas-2017", s17d, s17, "PERC_harass", c("1", "2", "3"))

out <- do.call(rbind, rows)
write.csv(out, "perception.csv", row.names = FALSE, quote = TRUE)
cat(nrow(out), "reference rows\n")
