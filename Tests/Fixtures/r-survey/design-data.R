# Synthetic SIPAS-like sample for sipas's R `survey` reference fixtures.
# Regenerate:  cd Tests/Fixtures/r-survey && Rscript design-data.R
# Writes sample.csv (UTF-8, comma-separated, blank = missing). Deterministic: set.seed(20240601),
# base R only, no package needed. Random numbers come from R's default Mersenne-Twister with
# "Rejection" sampling (R >= 3.6), so the file is the same on every R >= 3.6.
#
# Design: 4 strata (province_code 01, 02, 04, 06), 14 PSUs (commune_code), one weight per commune.
#   province 01: 5 communes, 02: 4 communes, 04: exactly 2 communes, 06: 3 communes.
# Sectors dat_dai / xay_dung / tu_phap, unevenly spread; tu_phap never occurs in province 04 and,
# in province 06, only in commune 06001 (so its domain has a stratum with one PSU holding rows).
# Items s1, s2 (element a), s3, s4 (element b): codes 1-5, about 5 % code 9 ("don't know") and
# about 3 % blank. Every tu_phap respondent in commune 02004 answered s3 with 9 (see below).
RNGkind("Mersenne-Twister", "Inversion", "Rejection")
set.seed(20240601)

provinces <- data.frame(
  province_code = c("01", "02", "04", "06"),
  # Vietnamese names written as escapes so that this script stays ASCII.
  province_name = c("H\u00e0 N\u1ed9i", "H\u00e0 Giang", "Cao B\u1eb1ng", "B\u1eafc K\u1ea1n"),
  n_communes = c(5L, 4L, 2L, 3L),
  stringsAsFactors = FALSE
)

communes <- do.call(rbind, lapply(seq_len(nrow(provinces)), function(i) {
  p <- provinces[i, ]
  data.frame(
    province_code = p$province_code,
    province_name = p$province_name,
    commune_code = sprintf("%s%03d", p$province_code, seq_len(p$n_communes)),
    stringsAsFactors = FALSE
  )
}))
nc <- nrow(communes)
communes$n <- sample(30:56, nc, replace = TRUE)              # respondents per commune
communes$weight <- round(runif(nc, 50, 400), 2)              # one weight per commune
communes$effect <- round(rnorm(nc, 0, 0.45), 3)              # commune effect on satisfaction

rows <- communes[rep(seq_len(nc), communes$n), c("province_code", "province_name", "commune_code", "weight", "effect")]
n <- nrow(rows)

# Sector: uneven shares; none of tu_phap in province 04; in province 06 only in commune 06001.
sector <- sample(c("dat_dai", "xay_dung", "tu_phap"), n, replace = TRUE, prob = c(0.5, 0.32, 0.18))
no_tp <- rows$province_code == "04" | (rows$province_code == "06" & rows$commune_code != "06001")
fix <- no_tp & sector == "tu_phap"
sector[fix] <- sample(c("dat_dai", "xay_dung"), sum(fix), replace = TRUE, prob = c(0.6, 0.4))
sector_effect <- c(dat_dai = -0.35, xay_dung = 0.1, tu_phap = 0.4)[sector]

# Codes 1-5 from a latent score with item, commune and sector effects, then 9 and blank.
cuts <- c(-Inf, -1.9, -1.1, -0.2, 1.1, Inf)
item_shift <- c(s1 = 0.35, s2 = 0.0, s3 = -0.15, s4 = 0.25)
person <- rnorm(n, 0, 0.6)
items <- sapply(names(item_shift), function(k) {
  latent <- item_shift[[k]] + rows$effect + sector_effect + person + rnorm(n, 0, 0.9)
  code <- as.integer(cut(latent, cuts, labels = FALSE))
  u <- runif(n)
  code[u < 0.05] <- 9L                       # don't know
  code[u >= 0.05 & u < 0.08] <- NA_integer_  # blank
  code
})
# Item s3 answered "don't know" by every tu_phap respondent of commune 02004: that commune then holds
# tu_phap rows but no valid s3 answer, so the item's domain df (6) is below the sector's (7).
items[sector == "tu_phap" & rows$commune_code == "02004", "s3"] <- 9L

out <- data.frame(
  form_id = seq_len(n),
  year = 2024L,
  province_code = rows$province_code,
  province_name = rows$province_name,
  commune_code = rows$commune_code,
  weight = rows$weight,
  sector = sector,
  s1 = items[, "s1"], s2 = items[, "s2"], s3 = items[, "s3"], s4 = items[, "s4"],
  stringsAsFactors = FALSE
)
# Strings are quoted (so "01" keeps its leading zero for any reader), numbers are not.
write.csv(out, "sample.csv", row.names = FALSE, na = "", fileEncoding = "UTF-8")
cat(sprintf("sample.csv: %d rows, %d communes, %d strata\n", n, nc, nrow(provinces)))
