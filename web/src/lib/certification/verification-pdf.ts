// What DownloadPdf loads on the click, in one import: the PDF module, the browser's fonts, and the
// mapping from what the app has to what the certificate prints.
import type { Verification } from '$core/api/schemas';
import { certificatePdf } from './certificate-pdf';
import { browserPdfFonts } from './pdf-fonts-browser';
import { printableFromVerification } from './printable';

/** The printable certificate of a verified certificate, with the fonts fetched from the site. */
export const verificationPdf = (certificate: Verification, verifyUrl: string) =>
  certificatePdf(printableFromVerification(certificate), verifyUrl, browserPdfFonts);
