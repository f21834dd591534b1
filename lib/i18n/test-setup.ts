import { useCatalogue } from '.';
import { readCatalogue } from './read-catalogue';

// Tests read the English words, as a browser in English would show them.
useCatalogue(readCatalogue('en'), 'en');
