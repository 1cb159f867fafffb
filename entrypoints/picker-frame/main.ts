import '@/utils/platform/i18n/all';
import { startPickerFrame } from '@/utils/templates/frame.page';

startPickerFrame();
