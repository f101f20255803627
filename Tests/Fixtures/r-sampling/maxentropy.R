# Reference values for maximum-entropy (conditional Poisson) sampling, R `sampling`'s UPmaxentropy,
# on apipop and on the synthetic frame. Deterministic: run from this folder
#   Rscript maxentropy.R
# It writes maxentropy-*.csv here with numbers as sprintf("%.17g"). Uniform streams come from
# set.seed(); RNGkind is R's default (Mersenne-Twister, Inversion, Rejection).
# UPmaxentropy (n >= 2 after certainty units) takes one runif per non-certainty unit, in frame
# order, until n are chosen (UPMEsfromq), so the uniforms consumed are runif(position of the last
# selected non-certainty unit) after the same seed.
suppressPackageStartupMessages({ library(sampling); library(survey) })
RNGkind("Mersenne-Twister", "Inversion", "Rejection")
g <- function(x) sprintf("%.17g", x)
out <- function(df, file) write.csv(df, file, row.names = FALSE, quote = TRUE)
frame <- read.csv("apipop-frame.csv", colClasses = c(cds = "character", stype = "character"))

# Uniforms UPmaxentropy(pik) consumes after set.seed(seed), and its selection.
draw <- function(pik, seed) {
  set.seed(seed); s <- UPmaxentropy(pik)
  free <- which(pik != 1)
  used <- max(c(0, which(s[free] == 1)))
  set.seed(seed); u <- if (used > 0) runif(used) else numeric(0)
  list(s = s, u = u)
}
piktilde <- function(pik) { r <- rep(NA_real_, length(pik)); k <- pik != 1; r[k] <- UPMEpiktildefrompik(pik[k]); r }

# Case 1: the 755 high schools, n = 12, enrolment as size.
h <- frame[frame$stype == "H", ]
pik_h <- inclusionprobabilities(h$enroll, 12)
d_h <- draw(pik_h, 8)
# Case 2: the middle schools, n = 30, two of them made huge (certainty units).
m <- frame[frame$stype == "M", ]
size_m <- m$enroll; size_m[c(3, 500)] <- c(200000, 90000)
pik_m <- inclusionprobabilities(size_m, 30)
stopifnot(sum(pik_m == 1) == 2)
d_m <- draw(pik_m, 9)
# Case 3: the synthetic frame, 4 communes per province by households, provinces in order of first
# appearance, one stream for all (set.seed(36) once), as sipas draws strata.
syn <- read.csv("../../../SampleData/frame-2025.csv", colClasses = "character", encoding = "UTF-8")
syn$households <- as.numeric(syn$households)
set.seed(36)
syn_sel <- NULL; syn_pik <- numeric(nrow(syn)); used <- 0
for (p in unique(syn$province_code)) {
  k <- which(syn$province_code == p)
  pik <- inclusionprobabilities(syn$households[k], 4)
  stopifnot(sum(pik[pik != 1]) >= 2)
  s <- UPmaxentropy(pik)
  free <- which(pik != 1)
  used <- used + max(c(0, which(s[free] == 1)))
  syn_pik[k] <- pik
  syn_sel <- c(syn_sel, k[s == 1])
}
set.seed(36); u_syn <- runif(used)

out(data.frame(cds = h$cds, pik = g(pik_h), piktilde = g(piktilde(pik_h)), selected = d_h$s), "maxentropy-high-schools.csv")
out(data.frame(cds = m$cds, size = size_m, pik = g(pik_m), piktilde = g(piktilde(pik_m)), selected = d_m$s), "maxentropy-middle-certainty.csv")
out(data.frame(commune_code = syn$commune_code[syn_sel], province_code = syn$province_code[syn_sel], prob = g(syn_pik[syn_sel])),
    "maxentropy-synthetic.csv")
write.csv(data.frame(name = c(rep("high", length(d_h$u)), rep("middle", length(d_m$u)), rep("synthetic", length(u_syn))),
                     value = g(c(d_h$u, d_m$u, u_syn))), "maxentropy-uniforms.csv", row.names = FALSE)
