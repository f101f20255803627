# Public real-world survey data for sipas's reference tests, written as the CSV files sipas reads.
# Regenerate:  cd Tests/Fixtures/r-real && Rscript export.R && Rscript reference.R
#   nhanes.csv  R survey's `nhanes`: NHANES 2009-2010 (US CDC/NCHS, public domain), 8 591 persons,
#               15 strata (SDMVSTRA), 31 PSUs coded 1 and 2 in every stratum and 3 in one (SDMVPSU), MEC weights,
#               HI_CHOL (high total cholesterol, 0/1) missing for 745 persons.
#   yrbs.csv    R survey's `yrbs`: Youth Risk Behavior Survey 2015 (US CDC, public domain), 15 624
#               students, 57 strata, 123 PSUs; qn8 (1 = rarely or never wore a bicycle helmet, 2 = did)
#               missing for 6 867, and for every student of two PSUs.
#   beps.csv    carData's `BEPS`: British Election Panel Study 1997-2001 (Fox & Weisberg, GPL), 1 525
#               respondents, a simple random sample of 1–5 ratings (party leaders, economic conditions).
# Every column is written as R holds it; an `id` column (row number) is added as the respondent id.
suppressPackageStartupMessages({ library(survey); library(carData) })
data(nhanes); data(yrbs)
write_csv <- function(d, file) write.csv(d, file, row.names = FALSE, na = "", fileEncoding = "UTF-8")
n <- nhanes
n$agecat <- as.character(n$agecat)
write_csv(data.frame(id = seq_len(nrow(n)), n), "nhanes.csv")
write_csv(data.frame(id = seq_len(nrow(yrbs)), yrbs), "yrbs.csv")
b <- BEPS
b$vote <- as.character(b$vote); b$gender <- as.character(b$gender)
write_csv(data.frame(id = seq_len(nrow(b)), b[, c("vote", "gender", "age", "economic.cond.national",
  "economic.cond.household", "Blair", "Hague", "Kennedy")]), "beps.csv")
writeLines(c(R.version.string, paste("survey", as.character(packageVersion("survey"))),
  paste("carData", as.character(packageVersion("carData")))), "versions.txt")
