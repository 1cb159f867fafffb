import { startPickerFrame } from '@/utils/templates/frame.page';

startPickerFrame();
