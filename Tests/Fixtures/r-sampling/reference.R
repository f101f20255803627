# Reference values for `sipas design` from R `sampling` and `survey` on the public apipop frame
# (California Academic Performance Index, R survey's data(api)). Deterministic: run from this folder
#   Rscript reference.R
# It writes every CSV here with numbers as sprintf("%.17g"). Uniform streams come from
# set.seed(); RNGkind is R's default (Mersenne-Twister, Inversion, Rejection).
suppressPackageStartupMessages({ library(sampling); library(survey) })
RNGkind("Mersenne-Twister", "Inversion", "Rejection")
data(api)
g <- function(x) sprintf("%.17g", x)
out <- function(df, file) write.csv(df, file, row.names = FALSE, quote = TRUE)

# The frame: apipop's schools with an enrolment (37 rows have none and are dropped), frame order kept.
frame <- apipop[!is.na(apipop$enroll), c("cds", "stype", "dnum", "cnum", "enroll", "api00")]
frame$stype <- as.character(frame$stype)
out(frame, "apipop-frame.csv")

# §2 Allocation: strata E/H/M of the whole apipop (6194 schools), S_h = sd(api00).
st <- c("E", "H", "M")
N <- as.numeric(table(apipop$stype)[st]); S <- tapply(apipop$api00, apipop$stype, sd)[st]
out(data.frame(stype = st, schools = N, sd_api00 = g(S)), "apipop-strata.csv")
n <- 200
largest <- function(x, n) { f <- floor(x + 1e-9); left <- n - sum(f); o <- order(-(x - f), seq_along(x)); f[o[seq_len(left)]] <- f[o[seq_len(left)]] + 1; f }
bounded <- function(w, n, N, m) {
  x <- numeric(length(w)); fixed <- rep(FALSE, length(w))
  repeat {
    free <- !fixed; rest <- n - sum(x[fixed]); x[free] <- rest * w[free] / sum(w[free])
    lo <- free & x < pmin(m, N); hi <- free & x > N
    if (!any(lo | hi)) break
    x[lo] <- pmin(m, N)[lo]; x[hi] <- N[hi]; fixed <- fixed | lo | hi
  }
  x
}
rules <- list(proportional = N, equal = rep(1, 3), sqrt = sqrt(N), neyman = N * S)
alloc <- NULL
for (r in names(rules)) for (m in c(0, 30)) {
  x <- bounded(rules[[r]], n, N, m)
  p <- 0.5; z <- qnorm(0.975); k <- largest(x, n)
  moe <- z * sqrt(p * (1 - p) / k * (N - k) / (N - 1))
  alloc <- rbind(alloc, data.frame(rule = r, minimum = m, stratum = st, exact = g(x), forms = k, moe = g(moe)))
}
# Proportional with no bounds is sampling's strata sizes too: check the exact values directly.
stopifnot(isTRUE(all.equal(bounded(N, n, N, 0), n * N / sum(N))))
out(alloc, "allocation.csv")

# §3.1 inclusionprobabilities on enroll, n = 200 over the whole frame, and a case with certainty units.
pik <- inclusionprobabilities(frame$enroll, 200)
pik_small <- inclusionprobabilities(c(5, 10, 20, 40, 300, 625), 4)
stopifnot(isTRUE(all.equal(pik_small, c(1/7, 2/7, 4/7, 1, 1, 1))))
big <- frame$enroll; big[c(10, 20)] <- c(400000, 150000)
pik_cert <- inclusionprobabilities(big, 60)

# §3.2 UPsystematic with u from set.seed(2024); runif(1).
set.seed(2024); u_sys <- runif(1)
set.seed(2024); s_sys <- UPsystematic(pik)
sys_ids <- frame$cds[s_sys == 1]
set.seed(2025); u_cert <- runif(1)
set.seed(2025); s_cert <- UPsystematic(pik_cert)

# §3.3 UPtille on the high schools (H), n = 12: N' − n uniforms.
h <- frame[frame$stype == "H", ]
pik_h <- inclusionprobabilities(h$enroll, 12)
set.seed(7); u_tille <- runif(sum(pik_h < 1 - 1e-6 & pik_h > 1e-6) - 12)
set.seed(7); s_tille <- UPtille(pik_h)

# §3.4 strata, systematic within stype in order of first appearance, enroll as size.
order_st <- unique(frame$stype); sizes <- c(E = 40, H = 12, M = 18)[order_st]
set.seed(11); u_strata <- runif(length(order_st))
set.seed(11); s_strata <- sampling::strata(frame, "stype", size = sizes, method = "systematic", pik = frame$enroll)

# The synthetic frame of the 34 provinces (SampleData/frame-2025.csv, made by make-frame.py):
# 4 communes per province by stratified systematic PPS on households, and Tillé in the first province.
syn <- read.csv("../../../SampleData/frame-2025.csv", colClasses = "character", encoding = "UTF-8")
syn$households <- as.numeric(syn$households)
syn_order <- unique(syn$province_code)
set.seed(34); u_syn <- runif(length(syn_order))
set.seed(34); s_syn <- sampling::strata(syn, "province_code", size = rep(4, length(syn_order)), method = "systematic", pik = syn$households)
p1 <- syn[syn$province_code == syn_order[1], ]
pik_p1 <- inclusionprobabilities(p1$households, 5)
set.seed(35); u_syn_tille <- runif(sum(pik_p1 > 1e-6 & pik_p1 < 1 - 1e-6) - 5)
set.seed(35); s_syn_tille <- UPtille(pik_p1)
out(data.frame(commune_code = syn$commune_code[s_syn$ID_unit], province_code = s_syn$province_code, prob = g(s_syn$Prob)), "synthetic-strata.csv")
out(data.frame(commune_code = p1$commune_code, pik = g(pik_p1), tille = s_syn_tille), "synthetic-tille.csv")

write.csv(data.frame(name = c("u_systematic", "u_certainty", rep("u_tille", length(u_tille)), rep("u_strata", length(u_strata)),
                              rep("u_synthetic_strata", length(u_syn)), rep("u_synthetic_tille", length(u_syn_tille))),
                     value = g(c(u_sys, u_cert, u_tille, u_strata, u_syn, u_syn_tille))), "uniforms.csv", row.names = FALSE)
out(data.frame(cds = frame$cds, pik = g(pik), pik_certainty = g(pik_cert), systematic = s_sys, systematic_certainty = g(s_cert)), "inclusion.csv")
out(data.frame(case = c("small", rep("small", 5)), pik = g(pik_small)), "inclusion-small.csv")
out(data.frame(cds = h$cds, pik = g(pik_h), tille = s_tille), "tille-high-schools.csv")
out(data.frame(cds = frame$cds[s_strata$ID_unit], stype = s_strata$stype, prob = g(s_strata$Prob)), "strata-systematic.csv")

# §4 Weights on apistrat: non-response within stype, raking to apipop's stype and sch.wide, trimming.
resp_rule <- apistrat$snum %% 5 != 0            # every fifth school (by snum) did not answer
base <- apistrat$pw
adj <- base
for (c in unique(apistrat$stype)) {
  k <- apistrat$stype == c
  f <- sum(base[k]) / sum(base[k & resp_rule]); adj[k] <- base[k] * f
}
resp <- apistrat[resp_rule, ]; resp$w_nr <- adj[resp_rule]
des <- svydesign(ids = ~1, strata = ~stype, weights = ~w_nr, data = resp)
pop_stype <- data.frame(stype = c("E", "H", "M"), Freq = as.numeric(table(apipop$stype)[c("E", "H", "M")]))
pop_wide <- data.frame(sch.wide = c("No", "Yes"), Freq = as.numeric(table(apipop$sch.wide)[c("No", "Yes")]))
raked <- rake(des, list(~stype, ~sch.wide), list(pop_stype, pop_wide), control = list(maxit = 1000, epsilon = 1e-13, verbose = FALSE))
post <- postStratify(des, ~stype, pop_stype)
trimmed <- trimWeights(raked, upper = 40)
trimmed_strict <- trimWeights(raked, upper = 40, lower = 20, strict = TRUE)
kish <- function(w) length(w) * sum(w^2) / sum(w)^2
cal_check <- calibrate(des, ~stype + sch.wide, c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018, sch.wideYes = sum(apipop$sch.wide == "Yes")),
                       calfun = "raking", epsilon = 1e-13, maxit = 1000)
stopifnot(max(abs(weights(cal_check) - weights(raked))) < 1e-8)
# Unbounded linear calibration (GREG), survey's default calfun, on the same margins.
linear <- calibrate(des, ~stype + sch.wide, c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018, sch.wideYes = sum(apipop$sch.wide == "Yes")))
stopifnot(abs(kish(apistrat$pw) - 1.186371) < 1e-6)
out(data.frame(cds = apistrat$cds, stype = as.character(apistrat$stype), sch_wide = as.character(apistrat$sch.wide),
               design_weight = g(base), responded = as.integer(resp_rule)), "apistrat-sample.csv")
out(data.frame(cds = resp$cds, stype = as.character(resp$stype), sch_wide = as.character(resp$sch.wide), api00 = resp$api00), "apistrat-responses.csv")
write.csv(data.frame(stype = pop_stype$stype, population = pop_stype$Freq), "margin-stype.csv", row.names = FALSE)
write.csv(data.frame(sch_wide = pop_wide$sch.wide, population = pop_wide$Freq), "margin-sch_wide.csv", row.names = FALSE)
out(data.frame(cds = resp$cds, nonresponse = g(resp$w_nr), poststratified = g(weights(post)), raked = g(weights(raked)),
               trimmed = g(weights(trimmed)), trimmed_strict = g(weights(trimmed_strict)),
               calibrate_raking = g(weights(cal_check)), calibrate_linear = g(weights(linear))), "weights.csv")
out(data.frame(stage = c("base", "nonresponse", "raked", "trimmed"),
               kish = g(c(kish(base), kish(resp$w_nr), kish(weights(raked)), kish(weights(trimmed))))), "kish.csv")
writeLines(c(R.version.string, paste("sampling", packageVersion("sampling")), paste("survey", packageVersion("survey"))), "versions.txt")
