// Components MDX content may use without importing them (see the content contract in the README).
import ContactEmail from './ContactEmail.astro';
import DataController from './DataController.astro';
import ScrollTable from './ScrollTable.astro';
import SixConnections from './SixConnections.astro';

export const mdxComponents = { table: ScrollTable, ContactEmail, DataController, SixConnections };
