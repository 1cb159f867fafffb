import { startPickerFrame } from '@/utils/templates/frame';

startPickerFrame();
