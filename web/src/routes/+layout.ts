// Every page is built ahead of time and served from S3/CloudFront; data comes from the API at run time.
export const prerender = true;
export const trailingSlash = 'never';
