// SIPASReport
