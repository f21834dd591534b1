/**
 * The ISO 4217 currencies a network could pay in: the only codes Offer Lens takes from a rate
 * source, for the bundled table (scripts/make-rates-table.ts) and for the daily refresh alike.
 *
 * The source lists twice as many; these are left out on purpose: cryptocurrencies and tokens;
 * metals (XAU, XAG, XPT, XPD) and units of account (XDR, MXV); codes replaced by a new one
 * (HRK by EUR, SLL by SLE, Zimbabwe's ZWD and ZWL by ZWG, MRO by MRU, STD by STN, BYR by BYN,
 * VEF by VES, the euro area's old currencies such as DEM or FRF, and the like); CUC and SVC,
 * no longer issued; VED, a second code for the bolívar (VES is kept); KPW, which no network
 * pays in; local names for a pound issue (GGP, IMP, JEP), the Tuvalu dollar (TVD), offshore
 * yuan (CNH), and codes outside ISO 4217 (SPL, VAL).
 *
 * SYP is left out too: Syria took two zeros off its pound on 2026-01-01 (1 new = 100 old), and
 * the source still quoted about 13,000 per USD on 2026-09-29, the old pound's rate. A rate 100×
 * off would rank a SYP payout wrongly; an unknown currency at least sorts last and says so.
 */
export const PAYOUT_CURRENCIES: readonly string[] = Object.freeze(
  `AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN
  BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS
  GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KRW KWD
  KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN
  NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP
  SLE SOS SRD SSP STN SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES VND VUV WST
  XAF XCD XCG XOF XPF YER ZAR ZMW ZWG`.split(/\s+/),
);
