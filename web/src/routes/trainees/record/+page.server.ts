import { moduleTitles } from '$lib/server/course';

export const load = () => ({ modules: moduleTitles() });
