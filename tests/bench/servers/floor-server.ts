// The floor app on the same server stack, for side-by-side load and memory figures.
import { serve } from '@hono/node-server';
import { app } from '../../support/floor/handler';

serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () => console.log('ready'));
