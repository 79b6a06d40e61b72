import type { APIRoute, GetStaticPaths } from 'astro';
import { renderIcon } from './_icon.ts';

export const getStaticPaths = (() => [180, 512].map((size) => ({ params: { size: String(size) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => renderIcon(Number(params.size));
