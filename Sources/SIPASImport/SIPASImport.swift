// SIPASImport
